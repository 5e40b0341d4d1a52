package lstm.cli;

import lstm.linalg.Engines;
import lstm.linalg.MatrixEngine;
import picocli.CommandLine.Option;

/** The matrix back-end and its thread count, shared by every command that runs a model. */
final class EngineOptions {
    @Option(names = "--blas", defaultValue = "auto",
            description = "Matrix back-end: auto, java, ejml, vector, netlib (default: ${DEFAULT-VALUE}: vector when the JVM has the module, else netlib when the system has a native BLAS, else java).")
    String blas = "auto";

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the matrix products (default: the number of processors). Results are the same bits for any count.")
    Integer threads;

    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    MatrixEngine engine() {
        if (threads != null && threads < 1) throw new UsageException("--threads must be at least 1, got " + threads);
        MatrixEngine engine;
        try {
            engine = Engines.byName(blas, threadCount());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int used = Engines.effectiveThreads(engine, threadCount());
        if (engine.name().equals("netlib") && threads != null && threads != used) {
            throw new UsageException("--threads does not reach the native BLAS: OpenBLAS takes its thread count from "
                    + "OPENBLAS_NUM_THREADS (now " + used + "); set that instead");
        }
        return engine;
    }

    /** Threads the engine really uses (the native BLAS's own count, 1 for single-threaded engines). */
    int threadsUsed(MatrixEngine engine) {
        return Engines.effectiveThreads(engine, threadCount());
    }
}
