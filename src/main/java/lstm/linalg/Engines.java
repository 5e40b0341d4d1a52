package lstm.linalg;

import java.util.List;

/**
 * Finds a {@link MatrixEngine} by name. {@code auto} picks the vector back-end when the JVM has
 * the module (pure Java, the same bits for any thread count), else a native BLAS through netlib
 * when the system has one, else plain Java: never netlib's slow Java fallback.
 */
public final class Engines {
    private Engines() {}

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Names accepted by {@link #byName}. */
    public static List<String> names() {
        return List.of("auto", "java", "ejml", "vector", "netlib");
    }

    /** True when the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The named engine using as many threads as the machine has processors. */
    public static MatrixEngine byName(String name) {
        return byName(name, Runtime.getRuntime().availableProcessors());
    }

    /** The named engine; {@code threads} is used by engines that can spread a product over threads. */
    public static MatrixEngine byName(String name, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        switch (name) {
            case "auto":
                if (vectorAvailable()) return vector(threads);
                return NetlibEngine.available() ? NetlibEngine.load() : new JavaEngine();
            case "java":
                return new JavaEngine();
            case "ejml":
                return new EjmlEngine();
            case "vector":
                if (!vectorAvailable()) {
                    throw new IllegalArgumentException("the vector back-end needs the JVM option --add-modules "
                            + VECTOR_MODULE + " (bin/lstm passes it)");
                }
                return vector(threads);
            case "netlib":
                return NetlibEngine.load();
            default:
                throw new IllegalArgumentException("unknown matrix back-end '" + name + "' (choose one of " + names() + ")");
        }
    }

    /** True when the netlib back-end finds a native BLAS on this system. */
    public static boolean nativeBlasAvailable() {
        return NetlibEngine.available();
    }

    /**
     * Threads the named back-end will really use given {@code requested}: the native BLAS takes
     * its count from OPENBLAS_NUM_THREADS, single-threaded engines use one.
     */
    public static int effectiveThreads(MatrixEngine engine, int requested) {
        if (engine instanceof NetlibEngine) return NetlibEngine.threadsFromEnvironment();
        if (engine instanceof JavaEngine || engine instanceof EjmlEngine) return 1;
        return requested;
    }

    /** Loaded by name so that this class still links on a JVM without the vector module. */
    private static MatrixEngine vector(int threads) {
        try {
            return (MatrixEngine) Class.forName("lstm.linalg.VectorEngine")
                    .getConstructor(int.class).newInstance(threads);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the vector back-end", e);
        }
    }
}
