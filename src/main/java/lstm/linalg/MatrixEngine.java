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

    /** Short name shown by {@code lstm bench} and accepted by {@code --blas}. */
    String name();
}
