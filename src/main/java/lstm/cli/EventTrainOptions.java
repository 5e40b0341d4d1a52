package lstm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lstm.io.UserException;
import lstm.music.MidiReader;
import lstm.train.EventCorpus;
import lstm.train.Model;
import picocli.CommandLine.Option;

/** The options of {@code lstm train} for the events model (MIDI files as performance events). */
final class EventTrainOptions {
    private static final Pattern INT_RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\.\\.(\\d+(?:\\.\\d+)?)");

    @Option(names = "--no-velocity", description = "Events: no VELOCITY tokens (356-token vocabulary); composed notes get velocity "
            + EventCorpus.DEFAULT_VELOCITY + ".")
    boolean noVelocity;

    @Option(names = "--transpose", paramLabel = "LOW..HIGH", description = "Events: also train on each piece transposed by every shift in this range of semitones, e.g. -3..3 (not the validation pieces).")
    String transpose;

    @Option(names = "--stretch", paramLabel = "LOW..HIGH", description = "Events: also train on each piece time-stretched by factors across this range (steps of 0.025), e.g. 0.95..1.05.")
    String stretch;

    @Option(names = "--drums", paramLabel = "keep|drop", defaultValue = "drop", description = "Events: keep or drop the drum channel 10 (default: ${DEFAULT-VALUE}).")
    String drums;

    @Option(names = "--no-sustain", description = "Events: ignore the sustain pedal (CC64); by default it lengthens the notes it holds.")
    boolean noSustain;

    @Option(names = "--strict", description = "Events: fail on the first MIDI file that cannot be read, instead of skipping it.")
    boolean strict;

    /** Checks the values (usage errors) and returns the augmentation they ask for. */
    EventCorpus.Augmentation augmentation() {
        int lowShift = 0, highShift = 0;
        if (transpose != null) {
            Matcher m = INT_RANGE.matcher(transpose.trim());
            if (!m.matches()) throw new UsageException("--transpose must be a range of semitones such as -3..3, got '" + transpose + "'");
            lowShift = Integer.parseInt(m.group(1));
            highShift = Integer.parseInt(m.group(2));
            if (lowShift > highShift || lowShift < -12 || highShift > 12) {
                throw new UsageException("--transpose must go from low to high within -12..12, got '" + transpose + "'");
            }
        }
        double lowStretch = 1, highStretch = 1;
        if (stretch != null) {
            Matcher m = RANGE.matcher(stretch.trim());
            if (!m.matches()) throw new UsageException("--stretch must be a range of factors such as 0.95..1.05, got '" + stretch + "'");
            lowStretch = Double.parseDouble(m.group(1));
            highStretch = Double.parseDouble(m.group(2));
            if (lowStretch > highStretch || lowStretch < 0.5 || highStretch > 2) {
                throw new UsageException("--stretch must go from low to high within 0.5..2, got '" + stretch + "'");
            }
        }
        if (!List.of("keep", "drop").contains(drums)) throw new UsageException("--drums must be keep or drop, got '" + drums + "'");
        return new EventCorpus.Augmentation(lowShift, highShift, lowStretch, highStretch);
    }

    /** The settings asked for; a resumed model keeps its own (TrainingStart refused a given different one). */
    EventCorpus.Settings settings(Model resumed) {
        if (resumed != null) return EventCorpus.Settings.of(resumed);
        return new EventCorpus.Settings(!noVelocity, drums.equals("keep"), !noSustain, EventCorpus.Settings.DEFAULT.maxHoldSeconds());
    }

    /**
     * Reads the MIDI files for training: one line on {@code err} for each file skipped, then a
     * summary (unless quiet). No readable piece at all is an error.
     */
    MidiReader.Result read(List<Path> inputs, EventCorpus.Settings settings, String what, Io io, boolean quiet) {
        MidiReader.Result result = new MidiReader(settings.readerOptions(strict)).read(inputs);
        for (MidiReader.Skipped s : result.skipped()) io.err.println(s.line());
        if (!quiet) io.err.printf(Locale.ROOT, "%s: %s%n", what, result.summary());
        if (result.pieces().isEmpty()) {
            throw new UserException("no readable MIDI file in " + inputs.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""),
                    "give MIDI files (SMF type 0 or 1) with notes");
        }
        return result;
    }

    /** Whether every input is a MIDI file, or a folder with MIDI files in it: the events model's corpus. */
    static boolean looksLikeMidi(List<String> inputs) {
        for (String input : inputs) {
            if (input.equals("-")) return false;
            Path p = Path.of(input);
            if (java.nio.file.Files.isDirectory(p)) {
                try (var walk = java.nio.file.Files.walk(p)) {
                    if (walk.noneMatch(f -> isMidiName(f.getFileName().toString()))) return false;
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    return false;
                }
            } else if (!isMidiName(p.getFileName().toString())) {
                return false;
            }
        }
        return !inputs.isEmpty();
    }

    private static boolean isMidiName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi");
    }
}
