package lstm.io;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** One-line JSON in and out (jackson-jr), for model headers and every {@code --json} output. */
public final class Json {
    /** Null values are written (say, {@code "best_val_loss":null}) so every key of a contract is always there. */
    private static final JSON JSON_STD = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {}

    /** A single-line JSON text for maps, lists, strings, numbers and booleans. */
    public static String write(Object value) {
        try {
            return JSON_STD.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON object; IOException when the text is not one. */
    public static Map<String, Object> readObject(String text) throws IOException {
        return JSON_STD.mapFrom(text);
    }

    /** Parses any JSON value (object, array, string, number). */
    public static Object read(String text) throws IOException {
        return JSON_STD.anyFrom(text);
    }
}
