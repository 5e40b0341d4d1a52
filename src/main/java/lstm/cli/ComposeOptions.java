package lstm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of {@code lstm compose} that every model kind takes (events, roll, biaxial): one
 * surface, checked once. Options of one kind only live in {@link EventComposeOptions} and
 * {@link FrameComposeOptions}.
 */
final class ComposeOptions {
    /** The longest composition, in seconds. */
    static final double MAX_SECONDS = 3600;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "composed.mid",
            description = "MIDI file to write, or - for standard output; with --count N, NAME-1.mid ... NAME-N.mid (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--seconds", paramLabel = "S", description = "Length of the new music in seconds, 0.01-3600 (default: 30).")
    Double seconds;

    @Option(names = "--steps", paramLabel = "N",
            description = "Length of the new music in the model's steps instead: grid steps (roll, biaxial) or 10 ms (events).")
    Integer steps;

    @Option(names = "--primer", paramLabel = "FILE",
            description = "Start from this MIDI file (or, for roll and biaxial, the first piece of a piano-roll CSV); it opens the output.")
    String primer;

    @Option(names = "--primer-seconds", converter = Durations.class, paramLabel = "DURATION",
            description = "How much of the --primer to use, e.g. 5s (default: 5 s for events models; --primer-steps for roll and biaxial).")
    Double primerSeconds;

    @Option(names = "--drop-primer", description = "Leave the primer out of the output (by default it opens it).")
    boolean dropPrimer;

    @Option(names = {"-t", "--temperature"}, defaultValue = "1.0",
            description = "Divides every logit: below 1 safer, above 1 wilder (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", defaultValue = "42",
            description = "Random seed; same seed and options, same bytes. With --count N, the seeds S to S+N-1 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tempo", paramLabel = "BPM",
            description = "Quarter notes a minute, 10-400 (default: the tempo the model learned at, else 120). Roll and biaxial steps follow it; "
                    + "events keep their timing in seconds and the file states the tempo.")
    Double tempo;

    @Option(names = "--program", paramLabel = "N", defaultValue = "0",
            description = "General MIDI instrument 0-127, e.g. 0 piano, 40 violin, 73 flute (default: ${DEFAULT-VALUE}).")
    int program;

    @Option(names = "--velocity", paramLabel = "V",
            description = "Note-on velocity 1-127 of every note (default: 80; an events model that learned velocity plays its own unless this is given).")
    Integer velocity;

    @Option(names = "--wav", paramLabel = "FILE",
            description = "Also render the music to this WAV file (the JDK's Gervill synthesizer); with --count N, NAME-1.wav ... NAME-N.wav.")
    Path wav;

    @Option(names = "--soundfont", paramLabel = "SF2",
            description = "SoundFont for --wav, e.g. /usr/share/sounds/sf2/FluidR3_GM.sf2 (default: Gervill's own sounds).")
    Path soundFont;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Compose N pieces, seeds S, S+1, ..., written to NAME-1.mid ... NAME-N.mid (default: ${DEFAULT-VALUE}: NAME as given).")
    int count;

    /** Usage errors in these options, whatever the model. */
    void check() {
        if (seconds != null && steps != null) throw new UsageException("--seconds and --steps cannot be used together; give one");
        if (seconds != null && !(seconds >= 0.01 && seconds <= MAX_SECONDS)) {
            throw new UsageException("--seconds must be from 0.01 to 3600, got " + seconds);
        }
        if (steps != null && steps < 1) throw new UsageException("--steps must be at least 1, got " + steps);
        if (!(temperature > 0 && Double.isFinite(temperature))) throw new UsageException("--temperature must be a positive number, got " + temperature);
        if (tempo != null && !(tempo >= 10 && tempo <= 400)) throw new UsageException("--tempo must be from 10 to 400 BPM, got " + number(tempo));
        if (program < 0 || program > 127) throw new UsageException("--program must be a General MIDI instrument 0-127, got " + program);
        if (velocity != null && (velocity < 1 || velocity > 127)) throw new UsageException("--velocity must be from 1 to 127, got " + velocity);
        if (count < 1) throw new UsageException("--count must be at least 1, got " + count);
        if (count > 1 && output.equals("-")) throw new UsageException("--count " + count + " needs files: -o NAME.mid, not -o -");
        if (primerSeconds != null && primerSeconds > MAX_SECONDS) throw new UsageException("--primer-seconds must be at most 3600, got " + primerSeconds);
        if (primerSeconds != null && primer == null) throw new UsageException("--primer-seconds needs --primer");
        if (dropPrimer && primer == null) throw new UsageException("--drop-primer needs --primer");
        if (soundFont != null && wav == null) throw new UsageException("--soundfont needs --wav");
        if (soundFont != null && !Files.isRegularFile(soundFont)) throw new UsageException("--soundfont: no file " + soundFont);
    }

    /** The MIDI file of composition {@code i} (1-based): the name as given for a single one, else NAME-i.EXT. */
    String midiOutput(int i) {
        return count == 1 ? output : numbered(output, i);
    }

    Path wavOutput(int i) {
        return wav == null ? null : count == 1 ? wav : Path.of(numbered(wav.toString(), i));
    }

    /** "tune.mid" becomes "tune-3.mid"; a name without an extension gets "-3" at its end. */
    static String numbered(String name, int i) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf(java.io.File.separatorChar));
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) return name + "-" + i;
        return name.substring(0, dot) + "-" + i + name.substring(dot);
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : Double.toString(x);
    }
}
