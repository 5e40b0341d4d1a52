package lstm.music;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import javax.sound.midi.Sequence;

/**
 * How long music stays at each tempo: seconds by tempo (microseconds per quarter note), summed
 * over one file or many. The most used tempo, weighted by time, is the tempo a model trained on
 * the files learned at. An SMPTE-timed file has no tempo and adds nothing.
 */
public record TempoUse(Map<Integer, Double> secondsByTempo) {
    public static final TempoUse NONE = new TempoUse(Map.of());

    public TempoUse {
        secondsByTempo = Map.copyOf(secondsByTempo);
    }

    /** The time a sequence spends at each tempo, from its start to its last tick. */
    public static TempoUse of(Sequence sequence) {
        return TempoMap.of(sequence).use(sequence.getTickLength());
    }

    public static TempoUse sum(Collection<TempoUse> uses) {
        Map<Integer, Double> total = new TreeMap<>();
        for (TempoUse u : uses) u.secondsByTempo.forEach((tempo, seconds) -> total.merge(tempo, seconds, Double::sum));
        return new TempoUse(total);
    }

    /**
     * The tempo in quarter notes a minute (to 0.01) that the most time is spent at; on a tie the
     * faster one. Empty when no time was spent at any tempo.
     */
    public OptionalDouble bpm() {
        int best = 0;
        double most = 0;
        for (var e : new TreeMap<>(secondsByTempo).entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return most > 0 ? OptionalDouble.of(Math.round(60e6 / best * 100) / 100.0) : OptionalDouble.empty();
    }
}
