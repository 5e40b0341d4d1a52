package lstm.linalg;

/**
 * A right-hand operand B that many products share, such as a layer's recurrent weights across
 * the time steps of a chunk: {@link MatrixEngine#prepare} lets an engine re-arrange it once instead
 * of in every product. Create one per operand and reuse it; prepare it again whenever B changes.
 */
public final class PreparedMatrix {
    float[] data;
    int offset;
    int k;
    int n;
    boolean transposed;
    /** The engine that prepared it, and that engine's copy (null when it keeps none). */
    MatrixEngine engine;
    float[] packed;

    /** Rows of B as used in the product (its inner dimension). */
    public int rows() {
        return k;
    }

    /** Columns of B as used in the product (C's columns). */
    public int columns() {
        return n;
    }

    void set(float[] data, int offset, int k, int n, boolean transposed, MatrixEngine engine) {
        this.data = data;
        this.offset = offset;
        this.k = k;
        this.n = n;
        this.transposed = transposed;
        this.engine = engine;
    }
}
