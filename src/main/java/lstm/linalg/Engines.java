package lstm.linalg;

import java.util.List;

/** Finds a {@link MatrixEngine} by name; {@code auto} picks the fastest one available. */
public final class Engines {
    private Engines() {}

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Names accepted by {@link #byName}. */
    public static List<String> names() {
        return List.of("auto", "java", "ejml", "vector");
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
                return vectorAvailable() ? vector(threads) : new JavaEngine();
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
            default:
                throw new IllegalArgumentException("unknown matrix back-end '" + name + "' (choose one of " + names() + ")");
        }
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
