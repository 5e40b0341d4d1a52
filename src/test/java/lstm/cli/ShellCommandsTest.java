package lstm.cli;

import static lstm.cli.CliRun.run;
import static lstm.cli.CliRun.runWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import lstm.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** plot, train --plot, novelty, sample --count, completion and the man pages, through the command line. */
class ShellCommandsTest {
    @TempDir
    static Path dir;
    static Path corpus, model, log, livePlot;

    static BufferedImage png(byte[] bytes, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "a PNG");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        int ink = 0;
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) ink++;
        assertTrue(ink > width * height / 50, "not blank: " + ink + " coloured pixels");
        return image;
    }

    @BeforeAll
    static void trainWithLogAndPlot() throws Exception {
        corpus = dir.resolve("tiny.txt");
        Files.writeString(corpus, CliTest.tinyCorpus());
        model = dir.resolve("tiny.lstm");
        log = dir.resolve("tiny.csv");
        livePlot = dir.resolve("live.png");
        CliRun r = run("train", corpus.toString(), "-o", model.toString(), "--hidden", "16", "--layers", "1", "--batch-size", "4",
                "--seq-length", "16", "--steps", "40", "--eval-every", "20", "--log-every", "5", "--log", log.toString(),
                "--plot", livePlot.toString(), "-q");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void trainRedrawsItsPlotAtEvaluations() throws Exception {
        png(Files.readAllBytes(livePlot), 900, 560);
        long evaluations = Files.readAllLines(log).stream().skip(1).filter(l -> !l.split(",", -1)[3].isEmpty()).count();
        assertEquals(2, evaluations);
        CliRun r = run("train", corpus.toString(), "-o", model.toString(), "--resume", "--steps", "41", "--plot",
                dir.resolve("no-such-folder").resolve("p.png").toString(), "-q");
        assertEquals(Main.USAGE, r.code(), r.err());
    }

    @Test
    void plotsMetricsLogsToFileAndStdout() throws Exception {
        Path out = dir.resolve("loss.png");
        CliRun r = run("plot", log.toString(), log.toString(), "-o", out.toString(), "--width", "500", "--height", "300", "--x", "time");
        assertEquals(0, r.code(), r.err());
        png(Files.readAllBytes(out), 500, 300);
        assertTrue(r.err().startsWith("wrote " + out + " (500×300): loss of 2 runs"), r.err());
        CliRun stdout = run("plot", log.toString(), "-o", "-", "--title", "tiny");
        assertEquals(0, stdout.code(), stdout.err());
        png(stdout.out(), 900, 560);
    }

    @Test
    void plotsAPianoRollOfAMidiFile() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 96);
        Track t = seq.createTrack();
        for (int i = 0; i < 16; i++) {
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60 + (i * 5) % 12, 40 + i * 5), i * 48L));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60 + (i * 5) % 12, 0), i * 48L + 40));
        }
        Path midi = dir.resolve("song.mid");
        MidiSystem.write(seq, 0, midi.toFile());
        Path out = dir.resolve("roll.png");
        CliRun r = run("plot", midi.toString(), "-o", out.toString(), "--width", "700", "--height", "400");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("piano roll of 16 notes, 4.0 s"), r.err());
        png(Files.readAllBytes(out), 700, 400);
    }

    @Test
    void plotRejectsBadUse() {
        Path png = dir.resolve("x.png");
        assertEquals(Main.USAGE, run("plot", log.toString()).code(), "-o is required");
        assertEquals(Main.USAGE, run("plot", log.toString(), "-o", png.toString(), "--x", "sideways").code());
        assertEquals(Main.USAGE, run("plot", log.toString(), "-o", png.toString(), "--width", "5").code());
        CliRun missing = run("plot", dir.resolve("missing.csv").toString(), "-o", png.toString());
        assertEquals(Main.FAILURE, missing.code());
        assertTrue(missing.err().startsWith("lstm: no such file"), missing.err());
        CliRun notALog = run("plot", corpus.toString(), "-o", png.toString());
        assertEquals(Main.FAILURE, notALog.code());
        assertTrue(notALog.err().contains("is not a metrics log"), notALog.err());
    }

    @Test
    void noveltyOfACutFromTheCorpusIsZero() throws Exception {
        String text = CliTest.tinyCorpus();
        int from = text.indexOf("BORIS:\nwho knocks");
        String cut = text.substring(from, from + 300);
        Path sample = dir.resolve("cut.txt");
        Files.writeString(sample, cut);
        CliRun r = run("novelty", corpus.toString(), sample.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.readObject(r.text());
        assertEquals(300, ((Number) m.get("sample_chars")).intValue());
        List<?> ngrams = (List<?>) m.get("ngrams");
        assertEquals(50, ngrams.size());
        for (Object row : ngrams) assertEquals(0.0, ((Number) ((Map<?, ?>) row).get("novel_fraction")).doubleValue());
        Map<?, ?> copy = (Map<?, ?>) m.get("longest_copy");
        assertEquals(300, ((Number) copy.get("length")).intValue());
        assertEquals(cut, copy.get("text"));
        int offset = ((Number) copy.get("corpus_offset")).intValue();
        assertEquals(cut, text.substring(offset, offset + 300));
        assertEquals(text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1, ((Number) copy.get("corpus_line")).longValue());

        CliRun human = runWithInput("zz calm tonight zz", "novelty", corpus.toString());
        assertEquals(0, human.code(), human.err());
        assertTrue(human.text().contains("\n   1   22.22%  4 of 18\n"), human.text());
        assertTrue(human.text().contains("longest copied span: 13 characters at sample offset 2, corpus " + corpus + " offset "), human.text());
        assertTrue(human.text().endsWith("\n\" calm tonight\"\n"), human.text());
        assertEquals(Main.USAGE, run("novelty", "-", sample.toString()).code());
    }

    @Test
    void sampleCountWritesIndependentSamplesWithSuccessiveSeeds() throws Exception {
        String[] single = new String[3];
        for (int i = 0; i < 3; i++) single[i] = run("sample", model.toString(), "-n", "40", "--prime", "ANNA:", "--seed", "" + (7 + i)).text();
        CliRun jsonl = run("sample", model.toString(), "-n", "40", "--prime", "ANNA:", "--seed", "7", "--count", "3", "--jsonl");
        assertEquals(0, jsonl.code(), jsonl.err());
        List<String> lines = jsonl.text().lines().toList();
        assertEquals(3, lines.size());
        for (int i = 0; i < 3; i++) {
            Map<String, Object> m = Json.readObject(lines.get(i));
            assertEquals(List.of("seed", "text"), List.copyOf(m.keySet()));
            assertEquals(7 + i, ((Number) m.get("seed")).intValue());
            assertEquals(single[i], m.get("text"));
        }
        String sep = run("sample", model.toString(), "-n", "40", "--prime", "ANNA:", "--seed", "7", "--count", "2", "--separator", "=====").text();
        assertEquals(single[0] + (single[0].endsWith("\n") ? "" : "\n") + "=====\n" + single[1], sep);
        String blank = run("sample", model.toString(), "-n", "40", "--prime", "ANNA:", "--seed", "7", "--count", "2").text();
        assertEquals(single[0] + (single[0].endsWith("\n") ? "" : "\n") + "\n" + single[1], blank);
        assertEquals(Main.USAGE, run("sample", model.toString(), "--count", "0").code());
        assertEquals(Main.USAGE, run("sample", model.toString(), "--count", "2", "--jsonl", "--separator", "x").code());
    }

    /** Every command below the top one, with its options. */
    private static List<CommandSpec> commands() {
        CommandLine top = new CommandLine(new LstmCommand(Io.system()));
        return top.getSubcommands().values().stream().map(CommandLine::getCommandSpec).toList();
    }

    @Test
    void completionScriptsNameEveryCommandAndOption() {
        for (String shell : new String[] {"bash", "zsh"}) {
            CliRun r = run("completion", shell);
            assertEquals(0, r.code(), r.err());
            String script = r.text();
            assertTrue(script.contains("complete -F _complete_lstm"), shell);
            for (CommandSpec command : commands()) {
                // picocli writes one function per command listing its options, quoted
                String function = "function _picocli_lstm_" + command.name() + "() {";
                int start = script.indexOf(function);
                assertTrue(start >= 0, shell + ": " + function);
                int end = script.indexOf("\nfunction ", start + 1);
                String body = script.substring(start, end < 0 ? script.length() : end);
                for (OptionSpec option : command.options()) {
                    for (String name : option.names()) {
                        assertTrue(body.contains("'" + name + "'"), shell + ": lstm " + command.name() + " " + name);
                    }
                }
            }
        }
        assertEquals(Main.USAGE, run("completion", "fish").code());
    }

    @Test
    void manPagesWereGeneratedForEveryCommandAndOption() throws Exception {
        Path docs = Path.of("target", "generated-docs");
        assertTrue(Files.isDirectory(docs), "the build writes " + docs.toAbsolutePath() + " (mvn process-classes)");
        String top = Files.readString(docs.resolve("lstm.adoc"));
        for (CommandSpec command : commands()) {
            assertTrue(top.contains("xref:lstm-" + command.name() + ".adoc[*" + command.name() + "*]"), "lstm(1) lists " + command.name());
            Path page = docs.resolve("lstm-" + command.name() + ".adoc");
            assertTrue(Files.isRegularFile(page), "man page " + page);
            String text = Files.readString(page);
            assertTrue(text.contains("= lstm-" + command.name() + "(1)"), page.toString());
            assertTrue(text.contains("==  Examples:"), page + " has the examples of --help");
            for (OptionSpec option : command.options()) {
                for (String name : option.names()) assertTrue(text.contains("*" + name + "*"), page + " names " + name);
            }
        }
    }
}
