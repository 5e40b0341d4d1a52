package lstm.music;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import javax.sound.midi.Sequence;

/**
 * How long music stays at each tempo: seconds by tempo (microseconds per quarter note), summed
 * over one file or many. Its median tempo, weighted by time, is the tempo a model trained on the
 * files learned at. An SMPTE-timed file has no tempo and adds nothing.
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
     * The tempo in quarter notes a minute (to 0.01) at the middle of the time: the median tempo
     * weighted by seconds, so that a file played with rubato (hundreds of slightly different
     * tempi) counts as its usual pace, and one steady tempo is itself. Empty when no time was
     * spent at any tempo.
     */
    public OptionalDouble bpm() {
        double total = 0;
        for (double seconds : secondsByTempo.values()) total += seconds;
        if (!(total > 0)) return OptionalDouble.empty();
        double seen = 0;
        // slowest first: the most microseconds a quarter
        for (var e : new TreeMap<>(secondsByTempo).descendingMap().entrySet()) {
            seen += e.getValue();
            if (seen >= total / 2) return OptionalDouble.of(Math.round(60e6 / e.getKey() * 100) / 100.0);
        }
        throw new IllegalStateException("unreachable: the seconds add up to the total");
    }
}
