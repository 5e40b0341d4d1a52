package lstm.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lstm.io.UserException;
import lstm.text.Document;
import lstm.text.TextReader;
import lstm.text.Vocabulary;
import lstm.train.CharCorpus;
import lstm.train.Model;
import lstm.train.ModelFile;

/** Loading a model for a command that needs a given kind, and a text for a text model. */
final class ModelOptions {
    private ModelOptions() {}

    static Model load(Path path, lstm.linalg.MatrixEngine engine, String... kinds) {
        Model model = ModelFile.load(path, engine, lstm.poly.PolyModels.ARCHITECTURES).model();
        if (kinds.length > 0 && !java.util.List.of(kinds).contains(model.kind)) {
            throw new UserException(path + " is a '" + model.kind + "' model; this command needs a " + String.join(" or ", kinds) + " model",
                    "use a model trained on the right kind of data");
        }
        return model;
    }

    /**
     * The files (or - for standard input) read as one text, as the model's tokens; a character
     * the model has never seen is an error naming its file, with {@code hint} saying what to do.
     */
    static int[] readTokens(Model model, List<String> files, InputStream stdin, String hint) {
        Vocabulary vocab = CharCorpus.vocabulary(model);
        List<Document> docs = new TextReader(CharCorpus.keepCr(model)).read(files, stdin);
        List<int[]> encoded = new ArrayList<>();
        int total = 0;
        for (Document d : docs) {
            try {
                encoded.add(vocab.encode(d.codePoints()));
            } catch (Vocabulary.UnknownCharactersException e) {
                throw new UserException(d.name() + " has characters the model has never seen: " + e.getMessage(), hint);
            }
            total += d.codePoints().length;
        }
        int[] tokens = new int[total];
        int at = 0;
        for (int[] e : encoded) {
            System.arraycopy(e, 0, tokens, at, e.length);
            at += e.length;
        }
        return tokens;
    }
}
