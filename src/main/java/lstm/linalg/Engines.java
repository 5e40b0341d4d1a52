package lstm.linalg;

import java.util.List;

/** Finds a {@link MatrixEngine} by name; {@code auto} picks the fastest one available. */
public final class Engines {
    private Engines() {}

    /** Names accepted by {@link #byName}. */
    public static List<String> names() {
        return List.of("auto", "java", "ejml");
    }

    public static MatrixEngine byName(String name) {
        switch (name) {
            case "auto":
            case "java":
                return new JavaEngine();
            case "ejml":
                return new EjmlEngine();
            default:
                throw new IllegalArgumentException("unknown matrix back-end '" + name + "' (choose one of " + names() + ")");
        }
    }
}
