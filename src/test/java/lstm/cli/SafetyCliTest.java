package lstm.cli;

import static lstm.cli.CliRun.assertOneLineError;
import static lstm.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure audit's cases (issue 16) that one in-process run shows: no input is overwritten,
 * outputs are checked before any work, non-finite and untrainable option values are usage errors,
 * a diverging run keeps the last good checkpoint, a failed write to standard output fails the
 * command, and roll and biaxial resumption refuse changed options as text does.
 */
class SafetyCliTest {
    @TempDir
    static Path dir;
    static Path corpus, model, csv, mid, loops;
    static final String[] SMALL = {"--hidden", "8", "--layers", "1", "--batch-size", "4", "--seq-length", "10", "--eval-every", "0", "-q"};

    @BeforeAll
    static void trainAModel() throws Exception {
        corpus = dir.resolve("c.txt");
        Files.writeString(corpus, CliTest.tinyCorpus());
        model = dir.resolve("m.lstm");
        CliRun r = train(model, "--steps", "3");
        assertEquals(0, r.code(), r.err());
        csv = dir.resolve("a.csv");
        Files.writeString(csv, "0, 0, Header, 0, 1, 96\n1, 0, Start_track\n1, 0, Note_on_c, 0, 60, 90\n1, 96, Note_off_c, 0, 60, 0\n"
                + "1, 96, End_track\n0, 0, End_of_file\n");
        loops = dir.resolve("loops.csv");
        Files.writeString(loops, PolyCliTest.chordLoopCsv());
        mid = dir.resolve("a.mid");
        assertEquals(0, run("csv2midi", csv.toString(), "-o", mid.toString()).code());
    }

    static CliRun train(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", corpus.toString(), "-o", out.toString()));
        args.addAll(List.of(SMALL));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** Runs the command, which must fail with a usage error naming {@code contains}, and leave {@code input} as it was. */
    static void refused(Path input, String contains, String... args) throws IOException {
        byte[] before = Files.readAllBytes(input);
        assertOneLineError(run(args), 2, contains);
        assertArrayEquals(before, Files.readAllBytes(input), input + " untouched");
    }

    /** Case 1: an output that is an input, or another output, is refused before any work. */
    @Test
    void outputsThatAreInputsAreRefused() throws IOException {
        String c = corpus.toString(), m = model.toString();
        refused(corpus, "-o " + c + " is the same file as the input", "train", c, "-o", c, "--steps", "1");
        refused(corpus, "--log " + c + " is the same file as the input", "train", c, "-o", dir.resolve("x.lstm").toString(), "--log", c);
        refused(corpus, "--plot " + c + " is the same file as the input", "train", c, "-o", dir.resolve("x.lstm").toString(), "--plot", c);
        // another spelling of the same file
        refused(corpus, "is the same file as the input", "train", dir.resolve("sub/../c.txt").toString(), "-o", c);
        refused(model, "--log " + m + " is the same file as -o", "train", c, "-o", m, "--log", m, "--resume");
        refused(model, "-o " + m + " is the same file as the input", "compose", m, "-o", m);
        refused(model, "--wav " + m + " is the same file as the input", "compose", m, "-o", dir.resolve("x.mid").toString(), "--wav", m);
        refused(mid, "--wav " + mid + " is the same file as -o", "compose", m, "-o", mid.toString(), "--wav", mid.toString());
        refused(csv, "-o " + csv + " is the same file as the input", "csv2midi", csv.toString(), "-o", csv.toString());
        refused(mid, "-o " + mid + " is the same file as the input", "plot", mid.toString(), "-o", mid.toString());
        assertFalse(Files.exists(dir.resolve("x.lstm")));
        assertFalse(Files.exists(dir.resolve("x.mid")));
    }

    /** Cases 1 and 5: a device, a folder, a missing folder, the root: one line before any training. */
    @Test
    void devicesFoldersAndMissingFoldersAreRefused() {
        String c = corpus.toString();
        for (String out : List.of("/dev/null", dir.toString(), "/")) {
            CliRun r = run("train", c, "-o", out, "--steps", "1");
            assertOneLineError(r, 2, "-o " + out + " is ");
            assertFalse(r.err().contains("step "), r.err());
        }
        assertOneLineError(run("train", c, "-o", dir.resolve("nodir/m.lstm").toString(), "--steps", "1"), 2,
                "no folder " + dir.resolve("nodir") + "; create it first");
        assertOneLineError(run("train", c, "-o", dir.resolve("y.lstm").toString(), "--log", "/dev/null"), 2, "--log /dev/null is not a regular file");
        assertOneLineError(run("csv2midi", csv.toString(), "-o", "/dev/null"), 2, "-o /dev/null is not a regular file");
        assertOneLineError(run("plot", mid.toString(), "-o", dir.toString()), 2, "is a folder");
        assertOneLineError(run("corpus", "fetch", "tinyshakespeare", "-o", corpus.toString()), 2, "is not a folder");
        assertFalse(Files.exists(dir.resolve("y.lstm")));
    }

    /** Case 2: NaN and the infinities are usage errors naming the option, for every float and double option. */
    @Test
    void nonFiniteNumbersAreUsageErrors() {
        String c = corpus.toString(), out = dir.resolve("nan.lstm").toString();
        for (String option : List.of("--lr", "--grad-clip", "--lr-decay", "--momentum", "--min-lr", "--dropout", "--val-fraction")) {
            for (String value : List.of("NaN", "Infinity", "-Infinity", "1e999")) {
                assertOneLineError(run("train", c, "-o", out, option, value), 2, "option '" + option + "': '" + value + "' is not a finite number");
            }
        }
        assertOneLineError(run("sample", model.toString(), "--temperature", "NaN"), 2, "'--temperature'");
        assertOneLineError(run("sample", model.toString(), "--top-p", "Infinity"), 2, "'--top-p'");
        assertOneLineError(run("compose", model.toString(), "--tempo", "NaN"), 2, "'--tempo'");
        assertOneLineError(run("compose", model.toString(), "--seconds", "Infinity"), 2, "'--seconds'");
        assertFalse(Files.exists(Path.of(out)));
    }

    /** Cases 2 and 6: sizes whose parameters overflow or cannot be trained are usage errors, not an internal error or an OOM. */
    @Test
    void untrainableSizesAreUsageErrors() {
        String c = corpus.toString(), out = dir.resolve("big.lstm").toString();
        assertOneLineError(run("train", c, "-o", out, "--hidden", "1000000000"), 2, "--hidden");
        assertOneLineError(run("train", c, "-o", out, "--layers", "100000"), 2, "--layers");
        assertOneLineError(run("train", c, "-o", out, "--hidden", "20000"), 2, "parameters, more than the 1,000,000,000 lstm can train");
        assertOneLineError(run("train", c, "-o", out, "--embedding", "1000000000"), 2, "--embedding");
        String l = loops.toString();
        assertOneLineError(run("train", "--model", "roll", l, "-o", out, "--hidden", "60000"), 2, "--layers and --hidden");
        assertOneLineError(run("train", "--model", "biaxial", l, "-o", out, "--note-hidden", "100000"), 2, "--note-hidden");
        assertFalse(Files.exists(Path.of(out)));
    }

    /** Case 4: a loss that turns NaN stops the run naming the step; the model at -o keeps its bytes; exit 1. */
    @Test
    void divergingRunKeepsTheLastGoodModel() throws IOException {
        Path good = dir.resolve("good.lstm");
        assertEquals(0, train(good, "--steps", "2").code());
        byte[] before = Files.readAllBytes(good);
        CliRun r = train(good, "--steps", "50", "--lr", "3e38");
        assertOneLineError(r, 1, "training diverged at step 2: the loss is NaN");
        assertArrayEquals(before, Files.readAllBytes(good));
        // checkpoints before the loss went bad are kept: step 1's, and it loads
        assertOneLineError(train(good, "--steps", "50", "--lr", "3e38", "--checkpoint-every", "1"), 1, "diverged at step 2");
        assertEquals(1L, lstm.train.ModelFile.load(good, new lstm.linalg.JavaEngine()).model().state.step);
    }

    /** Case 9: a write to standard output that fails is exit 1 with one line; a reader that left early is not a failure. */
    @Test
    void failedStandardOutputFailsTheCommand() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"info", model.toString()}, new ByteArrayInputStream(new byte[0]), full,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        CliRun r = new CliRun(code, new byte[0], err.toString(StandardCharsets.UTF_8));
        assertOneLineError(r, 1, "cannot write to standard output: No space left on device (");
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        assertEquals(0, Main.run(new String[] {"info", model.toString()}, new ByteArrayInputStream(new byte[0]), closed,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    /** Case 10: roll and biaxial --resume refuse a changed --lr or --batch-size, as text models do. */
    @Test
    void frameModelsRefuseChangedOptionsOnResume() throws IOException {
        String[][] kinds = {{"roll", "--hidden", "8"}, {"biaxial", "--time-hidden", "4", "--note-hidden", "4"}};
        for (String[] kind : kinds) {
            Path out = dir.resolve(kind[0] + ".lstm");
            List<String> args = new java.util.ArrayList<>(List.of("train", "--model", kind[0], loops.toString(), "--valid", loops.toString(),
                    "-o", out.toString(), "--batch-size", "2", "--seq-length", "8", "--lr", "0.01", "--threads", "1", "-q"));
            args.addAll(List.of(kind).subList(1, kind.length));
            List<String> first = new java.util.ArrayList<>(args);
            first.addAll(List.of("--steps", "2"));
            assertEquals(0, run(first.toArray(String[]::new)).code());
            byte[] before = Files.readAllBytes(out);
            for (String[] change : new String[][] {{"--lr", "0.02"}, {"--batch-size", "3"}, {"--dropout", "0.5"}}) {
                List<String> again = new java.util.ArrayList<>(List.of("train", "--model", kind[0], loops.toString(), "--valid", loops.toString(),
                        "-o", out.toString(), "--resume", "--steps", "4", "-q"));
                again.addAll(List.of(change));
                assertOneLineError(run(again.toArray(String[]::new)), 2, change[0] + " " + change[1] + " differs from the model's");
                assertArrayEquals(before, Files.readAllBytes(out));
            }
            // the same values, given again, are fine
            List<String> same = new java.util.ArrayList<>(List.of("train", "--model", kind[0], loops.toString(), "--valid", loops.toString(),
                    "-o", out.toString(), "--resume", "--steps", "4", "--lr", "0.01", "--batch-size", "2", "-q"));
            CliRun r = run(same.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
        }
        Path text = dir.resolve("text.lstm");
        assertEquals(0, train(text, "--steps", "2").code());
        for (String[] change : new String[][] {{"--grad-clip", "1.0"}, {"--warmup", "5"}, {"--lr", "0.5"}}) {
            assertOneLineError(train(text, "--resume", "--steps", "3", change[0], change[1]), 2, change[0] + " " + change[1] + " differs");
        }
    }
}
