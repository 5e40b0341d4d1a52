package lstm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lstm.io.AtomicFile;
import lstm.poly.BiaxialNetwork;
import lstm.poly.Composer;
import lstm.poly.FrameMidi;
import lstm.poly.FrameSource;
import lstm.poly.Piece;
import lstm.poly.PolyNetwork;
import lstm.poly.RollNetwork;
import lstm.train.EventCorpus;
import lstm.train.Model;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "compose", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Compose music with an events, roll or biaxial model, written as MIDI (type 1).",
                "Events models draw performance events one at a time; a note held past",
                "--max-hold is released, and a draw that would keep silence past --max-silence",
                "or strike one pitch more than --max-repeats times in a row is made again.",
                "Roll and biaxial models sample frames; while fewer than --min-notes keys sound,",
                "every key's probability is raised (adaptive sampling), so the music keeps going.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm compose folk.lstm -o tune.mid --seconds 30 --seed 7 --wav tune.wav",
                "  lstm compose folk.lstm -o - --primer jigs12.mid --primer-seconds 4 --temperature 0.9 --tempo 100 --program 73 > tune.mid",
                "  lstm compose jsb-biaxial.lstm -o chorale.mid --seconds 30 --seed 7",
                "  lstm compose jsb-roll.lstm -o - --steps 64 --temperature 0.8 --primer jsb/valid.csv --primer-steps 8 > out.mid"})
final class ComposeCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "An events, roll or biaxial model written by 'lstm train'.")
    Path modelPath;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "composed.mid", description = "MIDI file to write, or - for standard output (default: ${DEFAULT-VALUE}).")
    String output;

    @ArgGroup(exclusive = true)
    Length length = new Length();

    static final class Length {
        @Option(names = "--seconds", paramLabel = "S", description = "Length of the new music in seconds (default: 30).")
        Double seconds;

        @Option(names = "--steps", paramLabel = "N", description = "Length of the new music in grid steps.")
        Integer steps;
    }

    @Option(names = "--step-seconds", defaultValue = "0.5", paramLabel = "S", description = "Duration of one grid step (default: ${DEFAULT-VALUE}, a quarter note at 120 bpm).")
    double stepSeconds;

    @Option(names = {"-t", "--temperature"}, defaultValue = "1.0", description = "Divides every logit: below 1 safer, above 1 wilder (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--min-notes", defaultValue = "2", description = "Adaptive sampling: raise probabilities while fewer keys than this sound; 0 = off (default: ${DEFAULT-VALUE}).")
    int minNotes;

    @Option(names = "--primer", paramLabel = "FILE", description = "Start from this MIDI file (events) or the first piece of this piano-roll CSV or MIDI file (roll, biaxial); it opens the output.")
    String primer;

    @Option(names = "--primer-steps", defaultValue = "16", paramLabel = "N", description = "Roll, biaxial: steps of the primer to use (default: ${DEFAULT-VALUE}).")
    int primerSteps;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed and options, same music (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    EventComposeOptions events = new EventComposeOptions();

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() throws IOException {
        if (!(temperature > 0)) throw new UsageException("--temperature must be positive, got " + temperature);
        new OutputPaths().input("", modelPath).input("--primer", primer).input("--soundfont", events.soundFont)
                .output("-o", output).output("--wav", events.wav).check();
        Model model = ModelOptions.load(modelPath, engineOptions.engine(), RollNetwork.KIND, BiaxialNetwork.KIND, EventCorpus.KIND);
        if (model.kind.equals(EventCorpus.KIND)) {
            rejectGiven("for events models (they are for roll and biaxial)", "--steps", "--step-seconds", "--min-notes", "--primer-steps");
            return new EventComposing(this, model).run();
        }
        rejectGiven("for roll and biaxial models (they are for events models)", EventComposeOptions.NAMES);
        if (!(stepSeconds > 0)) throw new UsageException("--step-seconds must be positive, got " + stepSeconds);
        if (minNotes < 0) throw new UsageException("--min-notes must not be negative, got " + minNotes);
        if (primerSteps < 1) throw new UsageException("--primer-steps must be at least 1, got " + primerSteps);
        int steps;
        if (length.steps != null) steps = length.steps;
        else steps = (int) Math.ceil((length.seconds == null ? 30 : length.seconds) / stepSeconds);
        if (steps < 1) throw new UsageException("--steps and --seconds must give at least one step");

        Piece start = null;
        if (primer != null) {
            Piece first = FrameSource.read(List.of(primer)).get(0);
            int n = Math.min(primerSteps, first.steps());
            start = new Piece("primer", java.util.Arrays.copyOf(first.play(), n), java.util.Arrays.copyOf(first.articulate(), n));
        }
        Piece piece = new Composer((PolyNetwork) model.net, temperature, minNotes).compose(start, steps, seed);
        byte[] midi = FrameMidi.write(piece, stepSeconds);
        if (output.equals("-")) {
            parent.io.out.write(midi);
            parent.io.out.flush();
        } else {
            AtomicFile.write(Path.of(output), java.nio.ByteBuffer.wrap(midi));
        }
        long notes = 0;
        for (boolean[] frame : piece.articulate()) for (boolean k : frame) if (k) notes++;
        parent.io.err.printf(Locale.ROOT, "composed %d steps (%.1f s, %d struck notes%s) with %s model %s into %s%n",
                steps, steps * stepSeconds, notes, start == null ? "" : ", after " + start.steps() + " primer steps",
                model.kind, modelPath, output.equals("-") ? "standard output" : output);
        return Main.OK;
    }

    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private void rejectGiven(String why, String... options) {
        for (String option : options) if (given(option)) throw new UsageException(option + " does not apply " + why);
    }
}
