package lstm.linalg;

/**
 * Dense row-major float matrix products: the one seam every layer multiplies through.
 *
 * <p>Each operand is a contiguous block of an array starting at an offset, with no padding
 * between rows. {@code accumulate} adds into C instead of overwriting it. Back-ends must give the
 * same bits for the same inputs whatever their thread count, so that training is reproducible.
 */
public interface MatrixEngine {

    /** C[m×n] (+)= A[m×k] · B[k×n]. */
    void mul(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate);

    /** C[m×n] (+)= A[m×k] · B[n×k]ᵀ. */
    void mulTransB(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate);

    /** C[m×n] (+)= A[k×m]ᵀ · B[k×n]. */
    void mulTransA(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate);

    /**
     * Makes {@code into} stand for B[k×n] = b from bOff, row-major, or with {@code transposed} for
     * Bᵀ where b holds an n×k matrix, so that products with it through
     * {@link #mul(int, float[], int, PreparedMatrix, float[], int, boolean)} need not re-arrange it.
     * An engine may copy B now: prepare again after B changes.
     */
    default void prepare(PreparedMatrix into, float[] b, int bOff, int k, int n, boolean transposed) {
        into.set(b, bOff, k, n, transposed, this);
        into.packed = null;
    }

    /**
     * C[m×n] (+)= A[m×k]·B with B prepared by this engine: the same bits as {@link #mul} (or
     * {@link #mulTransB} for a transposed B) on the values B had when prepared.
     */
    default void mul(int m, float[] a, int aOff, PreparedMatrix b, float[] c, int cOff, boolean accumulate) {
        if (b.transposed) {
            mulTransB(m, b.n, b.k, a, aOff, b.data, b.offset, c, cOff, accumulate);
        } else {
            mul(m, b.n, b.k, a, aOff, b.data, b.offset, c, cOff, accumulate);
        }
    }

    /** Element-wise work on the index range [from, to). */
    @FunctionalInterface
    interface RangeWork {
        void run(int from, int to);
    }

    /**
     * Runs {@code work} over [0, n) cut into ranges of at least {@code minRange} indices (save a
     * shorter last one), perhaps on several threads at once; returns when all are done. For
     * element-wise work, such as a recurrent cell's step over its hidden units: what it computes
     * at an index must not depend on where the cuts fall, so that results are the same bits for
     * any thread count. The work must not call this engine.
     */
    default void forEachRange(int n, int minRange, RangeWork work) {
        if (n > 0) work.run(0, n);
    }

    /** Short name shown by {@code lstm bench} and accepted by {@code --blas}. */
    String name();
}
