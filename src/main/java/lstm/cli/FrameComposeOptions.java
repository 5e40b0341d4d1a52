package lstm.cli;

import picocli.CommandLine.Option;

/** The options of {@code lstm compose} for roll and biaxial models. */
final class FrameComposeOptions {
    static final String[] NAMES = {"--min-notes", "--primer-steps"};

    @Option(names = "--min-notes", defaultValue = "2",
            description = "Roll, biaxial: adaptive sampling raises every key's probability while fewer keys than this sound; 0 = off (default: ${DEFAULT-VALUE}).")
    int minNotes;

    @Option(names = "--primer-steps", paramLabel = "N",
            description = "Roll, biaxial: grid steps of the primer to use, instead of --primer-seconds (default: 16).")
    Integer primerSteps;
}
