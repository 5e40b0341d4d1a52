package lstm.train;

import java.util.Map;

/**
 * What a token model kind ({@code char}, {@code events}) brings to the shared token engine: its
 * data as token ids, and the codec data the model file keeps so that sampling, composing and
 * evaluation decode the same way. Everything after that (network, training loop, checkpoints,
 * resume, validation) is the same for every kind.
 */
public interface TokenCorpus {
    /** The model kind this corpus trains. */
    String kind();

    /** What one token is, plural, for messages: "characters", "events". */
    String unit();

    /** The codec data of a new model trained on this corpus. */
    Map<String, Object> newCodec();

    /** The number of token ids a model with this codec data knows. */
    int vocabularySize(Map<String, Object> codec);

    /**
     * The corpus as token ids of the given codec (a new model's, or a resumed model's own),
     * split into training and validation streams. A corpus the codec cannot encode is a
     * {@link lstm.io.UserException}.
     */
    TokenData tokens(Map<String, Object> codec, double valFraction);
}
