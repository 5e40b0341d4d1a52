package lstm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lstm.io.AtomicFile;
import lstm.io.UserException;
import lstm.plot.Frame;
import lstm.plot.LossCurve;
import lstm.plot.LossPlot;
import lstm.plot.PianoRoll;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "plot", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Draw a PNG: the loss curves of training logs, or the piano roll of a MIDI file.",
                "Loss curves come from the metrics CSV files that 'lstm train --log' writes;",
                "several files compare runs in one plot. A piano roll has time across, pitch",
                "up, and darker bars for louder notes.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm plot big.csv -o loss.png",
                "  lstm plot small.csv big.csv --x time -o compare.png",
                "  lstm plot composed.mid -o roll.png --width 1600"})
final class PlotCommand implements Callable<Integer> {
    private static final byte[] MIDI_MAGIC = "MThd".getBytes(StandardCharsets.US_ASCII);

    @ParentCommand
    LstmCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Metrics CSV files, or one MIDI file.")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "PNG", required = true, description = "PNG file to write, or - for standard output.")
    String output;

    @Option(names = "--x", paramLabel = "AXIS", defaultValue = "step", description = "Loss plots: step or time (training time) across (default: ${DEFAULT-VALUE}).")
    String x;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "900", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "560", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title (default: made from the file names).")
    String title;

    @Override
    public Integer call() throws IOException {
        new OutputPaths().inputs("", files).output("-o", output).check();
        Frame frame = frame(width, height, title);
        LossPlot.XAxis axis = axis(x);
        List<Path> midi = files.stream().filter(PlotCommand::isMidi).toList();
        byte[] png;
        String what;
        if (midi.isEmpty()) {
            List<LossCurve> curves = new ArrayList<>();
            for (Path csv : files) {
                LossCurve curve = LossCurve.read(csv);
                if (curve.isEmpty()) throw new UserException(csv + " has no loss values yet", "plot it after some training steps");
                curves.add(curve);
            }
            png = LossPlot.png(curves, axis, frame);
            int points = curves.stream().mapToInt(c -> c.train().size() + c.validation().size()).sum();
            what = String.format(Locale.ROOT, "loss of %d run%s, %,d points", curves.size(), curves.size() == 1 ? "" : "s", points);
        } else {
            if (files.size() > 1) throw new UsageException("a piano roll is drawn from one MIDI file, got " + files.size() + " files");
            if (spec.commandLine().getParseResult().hasMatchedOption("--x")) throw new UsageException("--x is for loss plots, not MIDI files");
            Path file = midi.get(0);
            List<lstm.music.Note> notes = PianoRoll.readMidi(file);
            if (notes.isEmpty()) throw new UserException(file + " has no notes", "give a MIDI file with some notes");
            png = PianoRoll.png(file.getFileName().toString(), notes, frame);
            double seconds = notes.stream().mapToDouble(lstm.music.Note::end).max().orElse(0);
            what = String.format(Locale.ROOT, "piano roll of %,d notes, %.1f s", notes.size(), seconds);
        }
        if (output.equals("-")) {
            parent.io.out.write(png);
            parent.io.out.flush();
        } else {
            AtomicFile.write(Path.of(output), ByteBuffer.wrap(png));
            parent.io.err.printf(Locale.ROOT, "wrote %s (%d×%d): %s%n", output, width, height, what);
        }
        return Main.OK;
    }

    static Frame frame(int width, int height, String title) {
        try {
            return new Frame(width, height, title);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static LossPlot.XAxis axis(String name) {
        return switch (name) {
            case "step" -> LossPlot.XAxis.STEP;
            case "time" -> LossPlot.XAxis.TIME;
            default -> throw new UsageException("--x must be step or time, got '" + name + "'");
        };
    }

    /** A standard MIDI file starts with "MThd"; anything else is taken for a metrics CSV. */
    private static boolean isMidi(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MIDI_MAGIC.length), MIDI_MAGIC);
        } catch (NoSuchFileException e) {
            throw new UserException("no such file: " + file, "check the path");
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + UserException.reason(e), "check the path and its permissions", e);
        }
    }
}
