package lstm.cli;

import picocli.CommandLine.Option;

/** The options of {@code lstm compose} for events models. */
final class EventComposeOptions {
    static final String[] NAMES = {"--top-k", "--top-p", "--max-hold", "--max-silence", "--max-repeats"};

    @Option(names = "--top-k", defaultValue = "0", description = "Events: draw only from the K most likely events; 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Events: draw only from the most likely events whose total probability reaches P (default: ${DEFAULT-VALUE}).")
    float topP;

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
