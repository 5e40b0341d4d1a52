package lstm.cli;

import picocli.CommandLine.Option;

/** The options of {@code lstm train} that choose and shape a frame model (roll, biaxial). */
final class PolyTrainOptions {
    @Option(names = "--model", defaultValue = "char",
            description = "Model kind: char (text), events (MIDI as performance events), roll (88-key piano roll) or biaxial (Johnson's biaxial LSTM) (default: events for MIDI files and folders, else ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A training recipe for roll or biaxial: default, jsb (best JSB validation NLL in 15 minutes) or, for biaxial, demo (the original sizes). Options given explicitly override it.")
    String preset;

    @Option(names = "--valid", paramLabel = "FILE", arity = "1..*",
            description = "Validation pieces: for roll or biaxial, piano-roll CSV or MIDI files or folders (default: the last --val-fraction of the pieces); for events, MIDI files or folders (default: every (1/--val-fraction)-th piece).")
    java.util.List<String> valid;

    @Option(names = "--time-hidden", split = ",", paramLabel = "N,N",
            description = "Biaxial: units of each time-axis layer (default from the preset).")
    int[] timeHidden;

    @Option(names = "--note-hidden", split = ",", paramLabel = "N,N",
            description = "Biaxial: units of each note-axis layer (default from the preset).")
    int[] noteHidden;
}
