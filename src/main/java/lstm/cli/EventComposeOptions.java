package lstm.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code lstm compose} for events models. */
final class EventComposeOptions {
    static final String[] NAMES = {"--top-k", "--top-p", "--primer-seconds", "--drop-primer", "--tempo", "--program",
            "--wav", "--soundfont", "--max-hold", "--max-silence", "--max-repeats"};

    @Option(names = "--top-k", defaultValue = "0", description = "Events: draw only from the K most likely events; 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Events: draw only from the most likely events whose total probability reaches P (default: ${DEFAULT-VALUE}).")
    float topP;

    @Option(names = "--primer-seconds", defaultValue = "5", converter = Durations.class, paramLabel = "DURATION",
            description = "Events: how much of the --primer to use, e.g. 5s (default: ${DEFAULT-VALUE} s).")
    double primerSeconds;

    @Option(names = "--drop-primer", description = "Events: leave the primer out of the output (by default it opens it).")
    boolean dropPrimer;

    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "120", description = "Events: tempo written in the file, 10-400; the timing in seconds stays (default: ${DEFAULT-VALUE}).")
    double tempo;

    @Option(names = "--program", paramLabel = "N", defaultValue = "0", description = "Events: General MIDI instrument 0-127, e.g. 0 piano, 40 violin, 73 flute (default: ${DEFAULT-VALUE}).")
    int program;

    @Option(names = "--wav", paramLabel = "FILE", description = "Events: also render the music to this WAV file (the JDK's Gervill synthesizer).")
    Path wav;

    @Option(names = "--soundfont", paramLabel = "SF2", description = "Events: SoundFont for --wav, e.g. /usr/share/sounds/sf2/FluidR3_GM.sf2 (default: Gervill's own sounds).")
    Path soundFont;

    @Option(names = "--max-hold", defaultValue = "4s", converter = Durations.class, paramLabel = "DURATION",
            description = "Events: release a note held this long (default: ${DEFAULT-VALUE}).")
    double maxHold;

    @Option(names = "--max-silence", defaultValue = "2s", converter = Durations.class, paramLabel = "DURATION",
            description = "Events: after this long with no note sounding, draw again any time shift (default: ${DEFAULT-VALUE}).")
    double maxSilence;

    @Option(names = "--max-repeats", defaultValue = "8", paramLabel = "N",
            description = "Events: strike one pitch at most N times in a row; 0 = no limit (default: ${DEFAULT-VALUE}).")
    int maxRepeats;
}
