package lstm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.io.Json;
import lstm.io.UserException;
import lstm.music.MidiFormatException;
import lstm.music.MidiReader;
import lstm.music.NoteSequence;
import lstm.poly.BiaxialNetwork;
import lstm.poly.FrameEvaluator;
import lstm.poly.FrameSource;
import lstm.poly.Piece;
import lstm.poly.PolyNetwork;
import lstm.poly.RollNetwork;
import lstm.train.CharCorpus;
import lstm.train.Evaluator;
import lstm.train.EventCorpus;
import lstm.train.Model;
import lstm.train.TokenData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "eval", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Measure how well a model predicts a text: mean loss per character in nats and bits.",
                "For events models: nats and bits per event on MIDI files or folders, read and encoded as in training.",
                "For roll and biaxial models: frame-level NLL in nats per time step and frame accuracy on piano-roll CSV or MIDI pieces.",
                "This is the number training reports as validation loss for the same data.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm eval plays.lstm held-out.txt",
                "  lstm eval plays.lstm a.txt b.txt --json",
                "  lstm eval folk.lstm held-out/*.mid --json",
                "  lstm eval jsb-roll.lstm ../shared/corpora/jsb/valid.csv --json"})
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model written by 'lstm train'.")
    Path modelPath;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Text files or folders (or -), read as one text; MIDI files or folders (or - for one file) for an events model; piano-roll CSV or MIDI files and folders for roll and biaxial.")
    List<String> files;

    @Option(names = "--json", description = "Print one JSON object: loss_nats, bits_per_char, chars (events models: loss_nats, bits_per_event, events, files, skipped; frame models: nll_per_step, frame_accuracy, steps, pieces).")
    boolean json;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() {
        Model model = ModelOptions.load(modelPath, engineOptions.engine(), CharCorpus.KIND, EventCorpus.KIND, RollNetwork.KIND, BiaxialNetwork.KIND);
        if (model.net instanceof PolyNetwork frames) return evaluateFrames(model, frames);
        if (model.kind.equals(EventCorpus.KIND)) return evaluateEvents(model);
        int[] tokens = ModelOptions.readTokens(model, files, parent.io.in, "evaluate on text made of the model's characters");
        if (tokens.length < 2) throw new UserException("nothing to evaluate: the text has fewer than 2 characters", "give a longer text");
        Evaluator.Loss loss = new Evaluator(model.network, model.options.seqLength, model.options.batchSize).evaluate(tokens);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("loss_nats", loss.meanNats());
            m.put("bits_per_char", loss.bitsPerToken());
            m.put("chars", loss.predicted());
            parent.io.text.println(Json.write(m));
        } else {
            parent.io.text.printf(Locale.ROOT, "loss %.4f nats/char, %.4f bits/char over %,d characters%n",
                    loss.meanNats(), loss.bitsPerToken(), loss.predicted());
        }
        return Main.OK;
    }

    /** One MIDI file on standard input, for pipelines (e.g. lstm csv2midi tune.csv | lstm eval M -). */
    private MidiReader.Result readStandardInput(MidiReader reader) {
        try {
            NoteSequence notes = reader.read(parent.io.in.readAllBytes());
            return new MidiReader.Result(List.of(new MidiReader.Piece(Path.of("-"), notes)), List.of());
        } catch (MidiFormatException e) {
            throw new UserException("standard input is not a usable MIDI file: " + e.getMessage(), "pipe in a standard MIDI file");
        } catch (IOException e) {
            throw new UserException("cannot read standard input: " + e.getMessage(), "check the pipe");
        }
    }

    /** Events models: the MIDI files encoded as training encodes a validation piece, concatenated in order. */
    private int evaluateEvents(Model model) {
        EventCorpus.Settings settings = EventCorpus.Settings.of(model);
        MidiReader reader = new MidiReader(settings.readerOptions(false));
        MidiReader.Result read = files.equals(List.of("-")) ? readStandardInput(reader) : reader.read(files.stream().map(Path::of).toList());
        for (MidiReader.Skipped s : read.skipped()) parent.io.err.println(s.line());
        List<int[]> pieces = new ArrayList<>();
        for (MidiReader.Piece p : read.pieces()) pieces.add(EventCorpus.encode(settings.codec(), p.notes()));
        int[] tokens = TokenData.of(List.of(), pieces).validation();
        if (tokens.length < 2) throw new UserException("nothing to evaluate: no readable MIDI file with notes", "give MIDI files (SMF type 0 or 1) with notes");
        Evaluator.Loss loss = new Evaluator(model.network, model.options.seqLength, model.options.batchSize).evaluate(tokens);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("loss_nats", loss.meanNats());
            m.put("bits_per_event", loss.bitsPerToken());
            m.put("events", loss.predicted());
            m.put("files", read.pieces().size());
            m.put("skipped", read.skipped().size());
            parent.io.text.println(Json.write(m));
        } else {
            parent.io.text.printf(Locale.ROOT, "loss %.4f nats/event, %.4f bits/event over %,d events in %,d files%n",
                    loss.meanNats(), loss.bitsPerToken(), loss.predicted(), read.pieces().size());
        }
        return Main.OK;
    }

    private int evaluateFrames(Model model, PolyNetwork network) {
        List<Piece> pieces = FrameSource.read(files);
        FrameEvaluator.Result r = new FrameEvaluator(network, model.options.seqLength, model.options.batchSize).evaluate(pieces);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nll_per_step", r.nllPerStep());
            m.put("frame_accuracy", r.frameAccuracy());
            m.put("steps", r.steps());
            m.put("pieces", pieces.size());
            parent.io.text.println(Json.write(m));
        } else {
            parent.io.text.printf(Locale.ROOT, "NLL %.4f nats/step, frame accuracy %.4f over %,d steps in %,d pieces%n",
                    r.nllPerStep(), r.frameAccuracy(), r.steps(), pieces.size());
        }
        return Main.OK;
    }
}
