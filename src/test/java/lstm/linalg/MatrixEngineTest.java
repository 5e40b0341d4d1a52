package lstm.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every back-end against a double-precision triple loop and against EJML, on shapes with tails,
 * offsets and both accumulate modes; and the vector back-end bit for bit against one fused
 * multiply-add chain per element, whatever its thread count.
 */
class MatrixEngineTest {
    private enum Op { MUL, TRANS_B, TRANS_A }

    /** One product: shapes, where each operand starts, and the input values (C's old values too). */
    private static final class Case {
        final Op op;
        final int m, n, k, aOff, bOff, cOff;
        final boolean accumulate;
        final float[] a, b, c;

        Case(Op op, int m, int n, int k, boolean accumulate, Rng rng) {
            this.op = op;
            this.m = m;
            this.n = n;
            this.k = k;
            this.accumulate = accumulate;
            aOff = rng.nextInt(7);
            bOff = rng.nextInt(7);
            cOff = rng.nextInt(7);
            a = random(aOff + m * k + rng.nextInt(5), rng);
            b = random(bOff + k * n + rng.nextInt(5), rng);
            c = random(cOff + m * n + rng.nextInt(5), rng);
        }

        private static float[] random(int size, Rng rng) {
            float[] x = new float[size];
            for (int i = 0; i < size; i++) x[i] = 2f * rng.nextFloat() - 1f;
            return x;
        }

        float a(int i, int p) {
            return op == Op.TRANS_A ? a[aOff + p * m + i] : a[aOff + i * k + p];
        }

        float b(int p, int j) {
            return op == Op.TRANS_B ? b[bOff + j * k + p] : b[bOff + p * n + j];
        }

        /** A copy of C after the engine's product. */
        float[] run(MatrixEngine engine) {
            float[] out = c.clone();
            switch (op) {
                case MUL -> engine.mul(m, n, k, a, aOff, b, bOff, out, cOff, accumulate);
                case TRANS_B -> engine.mulTransB(m, n, k, a, aOff, b, bOff, out, cOff, accumulate);
                case TRANS_A -> engine.mulTransA(m, n, k, a, aOff, b, bOff, out, cOff, accumulate);
            }
            return out;
        }

        /** C in double precision, and the scale of each element's terms (for the error bound). */
        double[][] reference() {
            double[] value = new double[m * n], scale = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = accumulate ? c[cOff + i * n + j] : 0;
                    double t = Math.abs(s);
                    for (int p = 0; p < k; p++) {
                        s += (double) a(i, p) * b(p, j);
                        t += Math.abs((double) a(i, p) * b(p, j));
                    }
                    value[i * n + j] = s;
                    scale[i * n + j] = t;
                }
            }
            return new double[][] {value, scale};
        }

        /** What VectorEngine promises: c = fma(A(i,p), B(p,j), c) for p = 0..k-1, from C or zero. */
        float[] fmaChain() {
            float[] out = c.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float s = accumulate ? c[cOff + i * n + j] : 0f;
                    for (int p = 0; p < k; p++) s = Math.fma(a(i, p), b(p, j), s);
                    out[cOff + i * n + j] = s;
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return op + " m=" + m + " n=" + n + " k=" + k + " offsets " + aOff + "/" + bOff + "/" + cOff
                    + (accumulate ? " accumulate" : "");
        }
    }

    /** Float rounding of a k-term sum: at most about k units of 2^-24 of the sum of magnitudes. */
    private static final double ULP_FACTOR = 0x1.0p-23;

    private static List<Case> cases() {
        Rng rng = new Rng(42);
        List<Case> cases = new ArrayList<>();
        for (Op op : Op.values()) {
            for (boolean accumulate : new boolean[] {false, true}) {
                for (int i = 0; i < 12; i++) {
                    cases.add(new Case(op, 1 + rng.nextInt(40), 1 + rng.nextInt(70), 1 + rng.nextInt(300), accumulate, rng));
                }
                // edges: single row, column, inner dimension; tails of every blocking parameter
                int[][] shapes = {
                    {1, 1, 1}, {1, 65, 1}, {7, 1, 300}, {1, 200, 37}, {3, 130, 257}, {4, 65, 70},
                    {5, 32, 256}, {6, 33, 257}, {11, 17, 1}, {121, 40, 20}, {50, 65, 64}, {13, 513, 9},
                };
                for (int[] s : shapes) cases.add(new Case(op, s[0], s[1], s[2], accumulate, rng));
                // big enough to be split over threads: column strips, row strips, few rows, Cᵀ route
                int[][] parallel = {{50, 200, 60}, {300, 65, 40}, {3, 500, 400}, {20, 300, 200}, {130, 129, 70}};
                for (int[] s : parallel) cases.add(new Case(op, s[0], s[1], s[2], accumulate, rng));
            }
        }
        return cases;
    }

    private static void assertClose(Case cs, float[] actual, String engine) {
        double[][] ref = cs.reference();
        for (int i = 0; i < cs.m * cs.n; i++) {
            double bound = (cs.k + 2) * ULP_FACTOR * ref[1][i] + 1e-30;
            double error = Math.abs(actual[cs.cOff + i] - ref[0][i]);
            if (!(error <= bound)) {
                fail(engine + " " + cs + ": element " + i + " is " + actual[cs.cOff + i] + ", expected "
                        + ref[0][i] + " within " + bound);
            }
        }
        assertOutsideUntouched(cs, actual, engine);
    }

    private static void assertOutsideUntouched(Case cs, float[] actual, String engine) {
        for (int i = 0; i < actual.length; i++) {
            if (i < cs.cOff || i >= cs.cOff + cs.m * cs.n) {
                assertEquals(cs.c[i], actual[i], engine + " " + cs + " wrote outside C at " + i);
            }
        }
    }

    private static void checkAgainstReference(Supplier<MatrixEngine> engine) {
        MatrixEngine e = engine.get();
        for (Case cs : cases()) assertClose(cs, cs.run(e), e.name());
    }

    @Test
    void javaEngineMatchesDoublePrecision() {
        checkAgainstReference(JavaEngine::new);
    }

    @Test
    void ejmlEngineMatchesDoublePrecision() {
        checkAgainstReference(EjmlEngine::new);
    }

    @Test
    void vectorEngineMatchesDoublePrecision() {
        checkAgainstReference(() -> new VectorEngine(2));
    }

    @Test
    void netlibEngineMatchesDoublePrecision() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Engines.nativeBlasAvailable(), "no native BLAS here");
        checkAgainstReference(() -> Engines.byName("netlib", 1));
    }

    @Test
    void everyEngineAgreesWithEjml() {
        MatrixEngine ejml = new EjmlEngine();
        List<MatrixEngine> engines = new ArrayList<>(List.of(new JavaEngine(), new VectorEngine(1), new VectorEngine(2)));
        if (Engines.nativeBlasAvailable()) engines.add(Engines.byName("netlib", 1));
        for (Case cs : cases()) {
            float[] expected = cs.run(ejml);
            for (MatrixEngine e : engines) {
                float[] actual = cs.run(e);
                for (int i = 0; i < cs.m * cs.n; i++) {
                    float x = expected[cs.cOff + i], y = actual[cs.cOff + i];
                    // both are within k ulps of the sum of magnitudes, so of each other within twice that
                    double bound = 2 * (cs.k + 2) * ULP_FACTOR * (cs.k + 1);   // |a|, |b|, |c| < 1
                    assertTrue(Math.abs(x - y) <= bound, e.name() + " vs ejml " + cs + " at " + i + ": " + y + " vs " + x);
                }
            }
        }
    }

    @Test
    void vectorEngineIsOneFmaChainPerElementForAnyThreadCount() {
        List<VectorEngine> engines = List.of(new VectorEngine(1), new VectorEngine(2), new VectorEngine(3));
        for (Case cs : cases()) {
            float[] expected = cs.fmaChain();
            for (VectorEngine e : engines) {
                assertArrayEquals(expected, cs.run(e), "threads=" + e.threads() + " " + cs);
            }
        }
    }

    @Test
    void trainingShapesGiveTheSameBitsOnOneAndTwoThreads() {
        // the char-LSTM shapes at hidden 128: per-step, whole-chunk, output and batch-1 products
        int b = 50, t = 10, h = 128, g = 4 * h, v = 65;
        Rng rng = new Rng(7);
        Case[] cases = {
            new Case(Op.MUL, b, g, h, true, rng), new Case(Op.MUL, t * b, g, h, false, rng),
            new Case(Op.MUL, t * b, v, h, false, rng), new Case(Op.MUL, 1, g, h, false, rng),
            new Case(Op.TRANS_B, b, h, g, true, rng), new Case(Op.TRANS_B, t * b, h, g, false, rng),
            new Case(Op.TRANS_B, t * b, h, v, false, rng), new Case(Op.TRANS_A, h, g, t * b, true, rng),
            new Case(Op.TRANS_A, h, v, t * b, true, rng),
        };
        VectorEngine one = new VectorEngine(1), two = new VectorEngine(2);
        for (Case cs : cases) assertArrayEquals(cs.run(one), cs.run(two), cs.toString());
    }

    @Test
    void preparedOperandsGiveTheSameBitsAsPlainProducts() {
        List<MatrixEngine> engines = new ArrayList<>(List.of(new JavaEngine(), new EjmlEngine(), new VectorEngine(1), new VectorEngine(2), new VectorEngine(3)));
        if (Engines.nativeBlasAvailable()) engines.add(Engines.byName("netlib", 1));
        for (MatrixEngine e : engines) {
            PreparedMatrix prepared = new PreparedMatrix();   // one holder reused across shapes
            for (Case cs : cases()) {
                if (cs.op == Op.TRANS_A) continue;
                boolean transposed = cs.op == Op.TRANS_B;
                e.prepare(prepared, cs.b, cs.bOff, cs.k, cs.n, transposed);
                assertEquals(cs.k, prepared.rows());
                assertEquals(cs.n, prepared.columns());
                float[] viaPrepared = cs.c.clone();
                e.mul(cs.m, cs.a, cs.aOff, prepared, viaPrepared, cs.cOff, cs.accumulate);
                assertArrayEquals(cs.run(e), viaPrepared, e.name() + " prepared " + cs);
            }
        }
    }

    /**
     * Batch-1 generation multiplies one row by prepared weights (VectorGemm.fewRowsPacked): whole
     * groups of four panels, single panels, a partial panel, several KC blocks, split over threads.
     */
    @Test
    void preparedFewRowProductsAreOneFmaChainForAnyThreadCount() {
        Rng rng = new Rng(13);
        int[][] shapes = {{1, 2048 + 17, 600}, {1, 4 * 512, 1024}, {2, 65, 512}, {4, 300, 257}, {1, 96, 3000}, {3, 129, 70}};
        List<VectorEngine> engines = List.of(new VectorEngine(1), new VectorEngine(2), new VectorEngine(3));
        for (int[] shape : shapes) {
            for (boolean accumulate : new boolean[] {false, true}) {
                Case cs = new Case(Op.MUL, shape[0], shape[1], shape[2], accumulate, rng);
                float[] expected = cs.fmaChain();
                for (VectorEngine e : engines) {
                    PreparedMatrix prepared = new PreparedMatrix();
                    e.prepare(prepared, cs.b, cs.bOff, cs.k, cs.n, false);
                    float[] viaPrepared = cs.c.clone();
                    e.mul(cs.m, cs.a, cs.aOff, prepared, viaPrepared, cs.cOff, cs.accumulate);
                    assertArrayEquals(expected, viaPrepared, "threads=" + e.threads() + " " + cs);
                }
            }
        }
    }

    @Test
    void preparingAgainPicksUpNewValues() {
        Rng rng = new Rng(11);
        Case cs = new Case(Op.MUL, 50, 96, 40, false, rng);
        MatrixEngine e = new VectorEngine(2);
        PreparedMatrix prepared = new PreparedMatrix();
        e.prepare(prepared, cs.b, cs.bOff, cs.k, cs.n, false);
        for (int i = 0; i < cs.b.length; i++) cs.b[i] *= -2f;
        e.prepare(prepared, cs.b, cs.bOff, cs.k, cs.n, false);
        float[] viaPrepared = cs.c.clone();
        e.mul(cs.m, cs.a, cs.aOff, prepared, viaPrepared, cs.cOff, false);
        assertArrayEquals(cs.fmaChain(), viaPrepared);
    }

    @Test
    void zeroInnerDimensionClearsOrKeepsC() {
        for (MatrixEngine e : List.of(new JavaEngine(), new EjmlEngine(), new VectorEngine(2))) {
            float[] c = {1, 2, 3, 4, 5, 6, 7};
            e.mul(2, 3, 0, new float[0], 0, new float[0], 0, c, 1, true);
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7}, c, e.name());
            e.mul(2, 3, 0, new float[0], 0, new float[0], 0, c, 1, false);
            assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0, 0}, c, e.name());
        }
    }

    /** forEachRange covers [0, n) exactly once, in ranges that start at whole vectors and are no shorter than asked (save the last). */
    @Test
    void forEachRangeCoversEveryIndexOnceInAlignedRanges() {
        for (int threads : new int[] {1, 2, 3}) {
            MatrixEngine engine = new VectorEngine(threads);
            for (int n : new int[] {0, 1, 15, 16, 17, 100, 128, 208, 1000, 4099}) {
                for (int minRange : new int[] {1, 16, 40, 2048}) {
                    int[] seen = new int[n];
                    List<int[]> ranges = java.util.Collections.synchronizedList(new ArrayList<>());
                    engine.forEachRange(n, minRange, (from, to) -> {
                        ranges.add(new int[] {from, to});
                        for (int i = from; i < to; i++) seen[i]++;     // disjoint ranges: no race
                    });
                    String where = threads + " threads, n " + n + ", minRange " + minRange;
                    for (int i = 0; i < n; i++) assertEquals(1, seen[i], where + ": index " + i);
                    assertTrue(ranges.size() <= threads, where + ": " + ranges.size() + " ranges");
                    for (int[] r : ranges) {
                        assertEquals(0, r[0] % VectorGemm.L, where + ": a range starts at " + r[0]);
                        assertTrue(r[1] == n || r[1] - r[0] >= Math.min(minRange, n), where + ": range " + r[0] + ".." + r[1]);
                    }
                }
            }
        }
    }
}
