package lstm.cli;

import lstm.linalg.Engines;
import lstm.linalg.MatrixEngine;
import picocli.CommandLine.Option;

/** The matrix back-end and its thread count, shared by every command that runs a model. */
final class EngineOptions {
    @Option(names = "--blas", defaultValue = "auto",
            description = "Matrix back-end: auto, java, ejml, vector (default: ${DEFAULT-VALUE}: vector when the JVM has the module).")
    String blas = "auto";

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the matrix products (default: the number of processors). Results are the same bits for any count.")
    Integer threads;

    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    MatrixEngine engine() {
        if (threads != null && threads < 1) throw new UsageException("--threads must be at least 1, got " + threads);
        try {
            return Engines.byName(blas, threadCount());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
