package lstm.linalg;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * EJML as the reference back-end: operands are copied into EJML matrices (cached by shape),
 * multiplied by {@link CommonOps_FDRM}, and copied back. Correct rather than fast.
 */
public final class EjmlEngine implements MatrixEngine {
    private final FMatrixRMaj left = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj right = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj product = new FMatrixRMaj(1, 1);

    @Override
    public void mul(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        load(left, m, k, a, aOff);
        load(right, k, n, b, bOff);
        product.reshape(m, n);
        CommonOps_FDRM.mult(left, right, product);
        store(product, c, cOff, accumulate);
    }

    @Override
    public void mulTransB(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        load(left, m, k, a, aOff);
        load(right, n, k, b, bOff);
        product.reshape(m, n);
        CommonOps_FDRM.multTransB(left, right, product);
        store(product, c, cOff, accumulate);
    }

    @Override
    public void mulTransA(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        load(left, k, m, a, aOff);
        load(right, k, n, b, bOff);
        product.reshape(m, n);
        CommonOps_FDRM.multTransA(left, right, product);
        store(product, c, cOff, accumulate);
    }

    private static void load(FMatrixRMaj matrix, int rows, int cols, float[] data, int offset) {
        matrix.reshape(rows, cols);
        System.arraycopy(data, offset, matrix.data, 0, rows * cols);
    }

    private static void store(FMatrixRMaj matrix, float[] c, int cOff, boolean accumulate) {
        int size = matrix.numRows * matrix.numCols;
        if (!accumulate) {
            System.arraycopy(matrix.data, 0, c, cOff, size);
        } else {
            for (int i = 0; i < size; i++) c[cOff + i] += matrix.data[i];
        }
    }

    @Override
    public String name() {
        return "ejml";
    }
}
