package lstm.linalg;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Products through the system's native BLAS ({@code libblas.so.3}, on Debian OpenBLAS from
 * {@code libopenblas0-pthread}) by way of {@code dev.ludovic.netlib:blas}'s JNI binding. Only the
 * native path is used: when no native BLAS loads, {@link #load} says so instead of falling back to
 * netlib's Java code (slower than {@link VectorEngine}).
 *
 * <p>BLAS is column-major: a row-major C = A·B is the column-major Cᵀ = Bᵀ·Aᵀ, so each product
 * is one sgemm with the operands swapped. OpenBLAS takes its thread count from
 * {@code OPENBLAS_NUM_THREADS} when the library loads, not from {@code --threads}; it splits C
 * among threads, not the inner sums, but unlike the Java back-ends it does not promise the same
 * bits for every thread count.
 */
final class NetlibEngine implements MatrixEngine {
    /** netlib logs a warning for each implementation it fails to load; {@link #load} reports that itself. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");

    private final NativeBLAS blas;

    private NetlibEngine(NativeBLAS blas) {
        this.blas = blas;
    }

    /** The engine over the native BLAS; IllegalArgumentException with what to install when there is none. */
    static NetlibEngine load() {
        Level before = NETLIB_LOG.getLevel();
        NETLIB_LOG.setLevel(Level.OFF);
        try {
            return new NetlibEngine(NativeBLAS.getInstance());
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("the netlib back-end found no native BLAS (libblas.so.3; on Debian: "
                    + "apt-get install libopenblas0-pthread), and its Java fallback would be slower than --blas vector");
        } finally {
            NETLIB_LOG.setLevel(before);
        }
    }

    /** True when a native BLAS loads (cached by netlib after the first try). */
    static boolean available() {
        try {
            load();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** OpenBLAS's thread count as its environment sets it (else one per processor). */
    static int threadsFromEnvironment() {
        for (String name : new String[] {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"}) {
            String v = System.getenv(name);
            if (v != null) {
                try {
                    int n = Integer.parseInt(v.trim());
                    if (n > 0) return n;
                } catch (NumberFormatException e) {
                    // OpenBLAS ignores it too
                }
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public void mul(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (trivial(m, n, k, c, cOff, accumulate)) return;
        // Cᵀ (n×m) = Bᵀ (n×k, B row-major is Bᵀ column-major) · Aᵀ (k×m)
        blas.sgemm("N", "N", n, m, k, 1f, b, bOff, n, a, aOff, k, accumulate ? 1f : 0f, c, cOff, n);
    }

    @Override
    public void mulTransB(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (trivial(m, n, k, c, cOff, accumulate)) return;
        // B is n×k row-major = k×n column-major; Cᵀ = B · Aᵀ takes its transpose
        blas.sgemm("T", "N", n, m, k, 1f, b, bOff, k, a, aOff, k, accumulate ? 1f : 0f, c, cOff, n);
    }

    @Override
    public void mulTransA(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (trivial(m, n, k, c, cOff, accumulate)) return;
        // A is k×m row-major = m×k column-major; Cᵀ = Bᵀ · A takes its transpose
        blas.sgemm("N", "T", n, m, k, 1f, b, bOff, n, a, aOff, m, accumulate ? 1f : 0f, c, cOff, n);
    }

    /** Empty products, which BLAS's leading-dimension checks reject: C is kept or cleared here. */
    private static boolean trivial(int m, int n, int k, float[] c, int cOff, boolean accumulate) {
        if (m > 0 && n > 0 && k > 0) return false;
        if (!accumulate && m > 0 && n > 0) java.util.Arrays.fill(c, cOff, cOff + m * n, 0f);
        return true;
    }

    @Override
    public String name() {
        return "netlib";
    }
}
