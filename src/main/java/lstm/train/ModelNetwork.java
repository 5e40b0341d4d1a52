package lstm.train;

import java.util.List;
import lstm.linalg.MatrixEngine;
import java.util.Map;
import lstm.nn.Param;

/**
 * The trainable part of a model of any kind: its named parameters and a JSON-ready description
 * from which the same network can be rebuilt (saved as the model file's {@code network} metadata).
 */
public interface ModelNetwork {
    List<Param> params();

    Map<String, Object> config();

    /** The engine its products run on (the optimizer spreads its updates over the same threads). */
    MatrixEngine engine();

    default long parameterCount() {
        long n = 0;
        for (Param p : params()) n += p.size();
        return n;
    }
}
