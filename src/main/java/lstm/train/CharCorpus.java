package lstm.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lstm.io.UserException;
import lstm.text.Document;
import lstm.text.Vocabulary;

/** The {@code char} model kind: text documents as code-point tokens, the vocabulary as codec. */
public final class CharCorpus {
    public static final String KIND = "char";

    private CharCorpus() {}

    /** Codec data for a vocabulary, stored in the model file. */
    public static Map<String, Object> codec(Vocabulary vocab, boolean keepCr) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Integer> cps = new ArrayList<>();
        for (int cp : vocab.codePoints()) cps.add(cp);
        m.put("code_points", cps);
        m.put("keep_cr", keepCr);
        return m;
    }

    /** The text documents as a corpus for the token engine. */
    public static TokenCorpus of(List<Document> docs, boolean keepCr) {
        return new TokenCorpus() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public String unit() {
                return "characters";
            }

            @Override
            public Map<String, Object> newCodec() {
                return codec(Vocabulary.of(docs), keepCr);
            }

            @Override
            public int vocabularySize(Map<String, Object> codec) {
                return vocabulary(codec).size();
            }

            @Override
            public TokenData tokens(Map<String, Object> codec, double valFraction) {
                try {
                    return CharCorpus.tokens(docs, vocabulary(codec), valFraction);
                } catch (Vocabulary.UnknownCharactersException e) {
                    throw new UserException("the corpus has characters the model has never seen: " + e.getMessage(),
                            "resume with text made of the model's characters, or train a new model");
                }
            }
        };
    }

    public static Vocabulary vocabulary(Model model) {
        return vocabulary(model.codec);
    }

    static Vocabulary vocabulary(Map<String, Object> codec) {
        List<?> list = (List<?>) codec.get("code_points");
        int[] cps = new int[list.size()];
        for (int i = 0; i < cps.length; i++) cps[i] = ((Number) list.get(i)).intValue();
        return new Vocabulary(cps);
    }

    public static boolean keepCr(Model model) {
        return Boolean.TRUE.equals(model.codec.get("keep_cr"));
    }

    /** Token ids of every document, split into training and validation parts. */
    public static TokenData tokens(List<Document> docs, Vocabulary vocab, double valFraction) {
        List<int[]> encoded = new ArrayList<>();
        for (Document d : docs) encoded.add(vocab.encode(d.codePoints()));
        return TokenData.split(encoded, valFraction);
    }
}
