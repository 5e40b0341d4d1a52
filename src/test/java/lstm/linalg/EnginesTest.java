package lstm.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnginesTest {
    @Test
    void findsEachEngineByName() {
        assertEquals(List.of("auto", "java", "ejml", "vector", "netlib"), Engines.names());
        assertEquals("java", Engines.byName("java").name());
        assertEquals("ejml", Engines.byName("ejml").name());
        VectorEngine vector = assertInstanceOf(VectorEngine.class, Engines.byName("vector", 3));
        assertEquals(3, vector.threads());
        assertEquals(Runtime.getRuntime().availableProcessors(), ((VectorEngine) Engines.byName("vector")).threads());
    }

    @Test
    void autoPicksVectorWhenTheModuleIsPresent() {
        assertTrue(Engines.vectorAvailable(), "surefire runs the tests with --add-modules jdk.incubator.vector");
        assertEquals("vector", Engines.byName("auto", 1).name());
    }

    @Test
    void rejectsUnknownNamesAndThreadCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engines.byName("cuda"));
        assertEquals("unknown matrix back-end 'cuda' (choose one of [auto, java, ejml, vector, netlib])", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Engines.byName("vector", 0));
    }

    @Test
    void helperThreadsEndWhenTheirEngineIsGarbage() throws InterruptedException {
        // five threads: the only engine in these tests with a helper named lstm-matrix-4
        MatrixEngine engine = new VectorEngine(5);
        float[] a = new float[200 * 300], b = new float[300 * 400], c = new float[200 * 400];
        engine.mul(200, 400, 300, a, 0, b, 0, c, 0, false);
        assertTrue(helperAlive("lstm-matrix-4"));
        engine = null;
        for (int i = 0; i < 100 && helperAlive("lstm-matrix-4"); i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(!helperAlive("lstm-matrix-4"), "helper thread still running after its engine was collected");
    }

    private static boolean helperAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    /** Without the module, auto falls back to the plain-Java engine and vector says what is missing. */
    @Test
    void autoFallsBackToJavaWithoutTheModule() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                EngineProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        String auto = Engines.nativeBlasAvailable() ? "netlib" : "java";
        assertEquals("vector available: false\nauto: " + auto + "\nvector: the vector back-end needs the JVM option"
                + " --add-modules jdk.incubator.vector (bin/lstm passes it)\n", output);
    }

    @Test
    void netlibUsesTheNativeBlasWhenThereIsOne() {
        assumeTrue(Engines.nativeBlasAvailable(), "no native BLAS here (Debian: libopenblas0-pthread)");
        MatrixEngine netlib = Engines.byName("netlib", 1);
        assertEquals("netlib", netlib.name());
        float[] c = new float[4];
        netlib.mul(2, 2, 3, new float[] {1, 2, 3, 4, 5, 6}, 0, new float[] {1, 0, 0, 1, 1, 1}, 0, c, 0, false);
        assertArrayEquals(new float[] {4, 5, 10, 11}, c);
    }

    /**
     * Without a native BLAS (simulated: netlib cannot unpack its JNI library into a missing temp
     * folder) --blas netlib says what to install instead of running netlib's slow Java code, auto
     * takes the plain Java engine, and netlib's own warnings stay quiet.
     */
    @Test
    void netlibWithoutANativeBlasSaysWhatIsMissing() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=/nonexistent/lstm-test", "-cp",
                System.getProperty("java.class.path"), NetlibProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertEquals("auto: java\nnetlib: the netlib back-end found no native BLAS (libblas.so.3; on Debian: apt-get install"
                + " libopenblas0-pthread), and its Java fallback would be slower than --blas vector\n", output);
    }

    /** Run in a JVM where netlib cannot load its native library. */
    public static final class NetlibProbe {
        public static void main(String[] args) {
            System.out.println("auto: " + Engines.byName("auto").name());
            try {
                Engines.byName("netlib");
                System.out.println("netlib: created");
            } catch (IllegalArgumentException e) {
                System.out.println("netlib: " + e.getMessage());
            }
        }
    }

    /** Run in a JVM started without --add-modules jdk.incubator.vector. */
    public static final class EngineProbe {
        public static void main(String[] args) {
            System.out.println("vector available: " + Engines.vectorAvailable());
            System.out.println("auto: " + Engines.byName("auto").name());
            try {
                Engines.byName("vector");
                System.out.println("vector: created");
            } catch (IllegalArgumentException e) {
                System.out.println("vector: " + e.getMessage());
            }
        }
    }
}
