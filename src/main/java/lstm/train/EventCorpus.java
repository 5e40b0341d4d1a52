package lstm.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import lstm.music.EventCodec;
import lstm.music.MidiReader;
import lstm.music.NoteSequence;
import lstm.music.TempoUse;
import lstm.music.TimeGrid;

/**
 * The {@code events} model kind: MIDI pieces as performance events (Magenta's Performance RNN;
 * see {@link EventCodec}) on the token engine. Validation holds out whole pieces, so that
 * {@code lstm eval} on the held-out files gives the validation loss; augmented copies
 * (transposed, stretched) are made of the training pieces only.
 */
public final class EventCorpus implements TokenCorpus {
    public static final String KIND = "events";
    /** Velocity of decoded notes when the model has no velocity tokens. */
    public static final int DEFAULT_VELOCITY = 80;
    /** Stretch factors are taken every this much across the --stretch range (Magenta's 0.95, 0.975, ... 1.05). */
    public static final double STRETCH_STEP = 0.025;

    /**
     * How MIDI files become events, kept in the model's codec data so that eval and compose read
     * and decode as training did. maxHoldSeconds: notes are cut at this length when encoded.
     */
    public record Settings(boolean velocity, boolean keepDrums, boolean sustain, double maxHoldSeconds) {
        public static final Settings DEFAULT = new Settings(true, false, true, EventCodec.Options.DEFAULT.maxHoldSeconds());

        public EventCodec codec() {
            return new EventCodec(new EventCodec.Options(velocity, maxHoldSeconds, DEFAULT_VELOCITY));
        }

        public MidiReader.Options readerOptions(boolean strict) {
            return new MidiReader.Options(keepDrums, sustain, strict);
        }

        /** The settings of a model's codec data. */
        public static Settings of(Map<String, Object> codec) {
            return new Settings(Boolean.TRUE.equals(codec.get("velocity")), "keep".equals(codec.get("drums")),
                    Boolean.TRUE.equals(codec.get("sustain")), ((Number) codec.get("max_hold_seconds")).doubleValue());
        }

        public static Settings of(Model model) {
            return of(model.codec);
        }
    }

    /**
     * Augmentation of the training pieces: every transposition from minShift to maxShift
     * semitones (notes leaving 0..127 dropped) times every stretch factor from minStretch to
     * maxStretch (in steps of about {@link #STRETCH_STEP}); the piece as it is always counts.
     */
    public record Augmentation(int minShift, int maxShift, double minStretch, double maxStretch) {
        public static final Augmentation NONE = new Augmentation(0, 0, 1, 1);

        public Augmentation {
            if (minShift > maxShift || !(minStretch > 0 && minStretch <= maxStretch)) {
                throw new IllegalArgumentException("augmentation ranges " + minShift + ".." + maxShift + ", " + minStretch + ".." + maxStretch);
            }
        }

        public List<Integer> shifts() {
            List<Integer> out = new ArrayList<>(List.of(0));
            for (int s = minShift; s <= maxShift; s++) if (s != 0) out.add(s);
            return out;
        }

        public List<Double> stretches() {
            List<Double> out = new ArrayList<>(List.of(1.0));
            int intervals = (int) Math.round((maxStretch - minStretch) / STRETCH_STEP);
            for (int i = 0; i <= intervals; i++) {
                double f = intervals == 0 ? minStretch : minStretch + i * (maxStretch - minStretch) / intervals;
                f = Math.round(f * 1e6) / 1e6;
                if (!out.contains(f)) out.add(f);
            }
            return out;
        }

        /** How many versions of each training piece are trained on. */
        public int copies() {
            return shifts().size() * stretches().size();
        }
    }

    private final List<MidiReader.Piece> pieces;
    private final List<MidiReader.Piece> validation;
    private final Settings settings;
    private final Augmentation augmentation;

    /**
     * @param validation pieces to validate on, or null to hold out every (1/valFraction)-th piece
     * @param settings   a new model's settings (a resumed model uses its own)
     */
    public EventCorpus(List<MidiReader.Piece> pieces, List<MidiReader.Piece> validation, Settings settings, Augmentation augmentation) {
        this.pieces = pieces;
        this.validation = validation;
        this.settings = settings;
        this.augmentation = augmentation;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String unit() {
        return "events";
    }

    @Override
    public Map<String, Object> newCodec() {
        EventCodec codec = settings.codec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("velocity", settings.velocity());
        m.put("vocab_size", codec.vocabularySize());
        m.put("steps_per_second", EventCodec.STEPS_PER_SECOND);
        m.put("max_shift_steps", EventCodec.TIME_SHIFT_STEPS);
        m.put("velocity_bins", settings.velocity() ? EventCodec.VELOCITY_BINS : 0);
        m.put("max_hold_seconds", settings.maxHoldSeconds());
        m.put("drums", settings.keepDrums() ? "keep" : "drop");
        m.put("sustain", settings.sustain());
        m.put("transpose", List.of(augmentation.minShift(), augmentation.maxShift()));
        m.put("stretch", List.of(augmentation.minStretch(), augmentation.maxStretch()));
        timeGrid().record(m);
        return m;
    }

    /**
     * The grid a new model records: 10 ms steps, the whole MIDI keyboard, and the median
     * tempo of the training files, weighted by time.
     */
    public TimeGrid timeGrid() {
        OptionalDouble bpm = TempoUse.sum(pieces.stream().map(MidiReader.Piece::tempo).toList()).bpm();
        return TimeGrid.seconds(EventCodec.STEP_SECONDS, bpm.isPresent() ? bpm.getAsDouble() : null, 0, EventCodec.PITCHES - 1);
    }

    @Override
    public int vocabularySize(Map<String, Object> codec) {
        return Settings.of(codec).codec().vocabularySize();
    }

    @Override
    public TokenData tokens(Map<String, Object> codecData, double valFraction) {
        EventCodec codec = Settings.of(codecData).codec();
        List<int[]> train = new ArrayList<>(), valid = new ArrayList<>();
        List<Integer> shifts = augmentation.shifts();
        List<Double> stretches = augmentation.stretches();
        for (int i = 0; i < pieces.size(); i++) {
            NoteSequence notes = pieces.get(i).notes();
            if (validation == null && heldOut(i, valFraction)) {
                valid.add(encode(codec, notes));
                continue;
            }
            for (int shift : shifts) {
                NoteSequence transposed = shift == 0 ? notes : notes.transposed(shift);
                if (transposed.size() == 0) continue;
                for (double factor : stretches) {
                    train.add(encode(codec, factor == 1.0 ? transposed : transposed.stretched(factor)));
                }
            }
        }
        if (validation != null) for (MidiReader.Piece p : validation) valid.add(encode(codec, p.notes()));
        return TokenData.of(train, valid);
    }

    /**
     * Whether piece {@code index} is held out for validation when no validation files are given:
     * every (1/valFraction)-th piece, spread over the corpus (not its tail, which a sorted folder
     * fills with one kind of tune).
     */
    public static boolean heldOut(int index, double valFraction) {
        return Math.floor((index + 1) * valFraction) > Math.floor(index * valFraction);
    }

    /** The events of one piece, as training, eval and a compose primer see it: from its first note. */
    public static int[] encode(EventCodec codec, NoteSequence notes) {
        return codec.encode(notes.startingAtZero());
    }
}
