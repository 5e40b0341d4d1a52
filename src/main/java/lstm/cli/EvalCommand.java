package lstm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.io.Json;
import lstm.io.UserException;
import lstm.text.Document;
import lstm.text.TextReader;
import lstm.text.Vocabulary;
import lstm.train.CharCorpus;
import lstm.train.Evaluator;
import lstm.train.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "eval", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Measure how well a model predicts a text: mean loss per character in nats and bits.",
                "This is the number training reports as validation loss for the same text.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm eval plays.lstm held-out.txt",
                "  lstm eval plays.lstm a.txt b.txt --json"})
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model written by 'lstm train'.")
    Path modelPath;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Text files or folders (or -), read as one text.")
    List<String> files;

    @Option(names = "--json", description = "Print one JSON object: loss_nats, bits_per_char, chars.")
    boolean json;

    @Option(names = "--blas", defaultValue = "auto", description = "Matrix back-end (default: ${DEFAULT-VALUE}).")
    String blas;

    @Override
    public Integer call() {
        Model model = ModelOptions.load(modelPath, blas, CharCorpus.KIND);
        Vocabulary vocab = CharCorpus.vocabulary(model);
        List<Document> docs = new TextReader(CharCorpus.keepCr(model)).read(files, parent.io.in);
        List<int[]> encoded = new ArrayList<>();
        int total = 0;
        for (Document d : docs) {
            try {
                encoded.add(vocab.encode(d.codePoints()));
            } catch (Vocabulary.UnknownCharactersException e) {
                throw new UserException(d.name() + " has characters the model has never seen: " + e.getMessage(),
                        "evaluate on text made of the model's characters");
            }
            total += d.codePoints().length;
        }
        int[] tokens = new int[total];
        int at = 0;
        for (int[] e : encoded) {
            System.arraycopy(e, 0, tokens, at, e.length);
            at += e.length;
        }
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
}
