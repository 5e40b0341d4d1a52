package lstm.linalg;

/**
 * Plain-Java products, written so that the JIT vectorises the inner loops: every inner loop
 * runs along a contiguous row of C or B. Single-threaded; each element of C is accumulated in
 * the same order whatever the shape of the call, so results are reproducible.
 */
public final class JavaEngine implements MatrixEngine {

    @Override
    public void mul(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * n;
            if (!accumulate) java.util.Arrays.fill(c, cRow, cRow + n, 0f);
            int aRow = aOff + i * k;
            for (int p = 0; p < k; p++) {
                float aip = a[aRow + p];
                if (aip == 0f) continue;   // one-hot and ReLU-like inputs are mostly zero
                int bRow = bOff + p * n;
                for (int j = 0; j < n; j++) c[cRow + j] += aip * b[bRow + j];
            }
        }
    }

    @Override
    public void mulTransB(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int aRow = aOff + i * k;
            int cRow = cOff + i * n;
            for (int j = 0; j < n; j++) {
                int bRow = bOff + j * k;
                float sum = 0f;
                for (int p = 0; p < k; p++) sum += a[aRow + p] * b[bRow + p];
                c[cRow + j] = accumulate ? c[cRow + j] + sum : sum;
            }
        }
    }

    @Override
    public void mulTransA(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, cOff, cOff + m * n, 0f);
        for (int p = 0; p < k; p++) {
            int aRow = aOff + p * m;
            int bRow = bOff + p * n;
            for (int i = 0; i < m; i++) {
                float api = a[aRow + i];
                if (api == 0f) continue;
                int cRow = cOff + i * n;
                for (int j = 0; j < n; j++) c[cRow + j] += api * b[bRow + j];
            }
        }
    }

    @Override
    public String name() {
        return "java";
    }
}
