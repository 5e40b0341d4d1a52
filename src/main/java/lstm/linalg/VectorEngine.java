package lstm.linalg;

import java.lang.ref.Cleaner;

/**
 * Products on the JDK's incubating Vector API (SIMD registers as wide as the CPU offers), cache
 * blocked and spread over a small pool of threads. Needs {@code --add-modules jdk.incubator.vector}
 * on the java command line; {@link Engines} only loads this class when that module is present.
 *
 * <p>Every element of C is one chain of fused multiply-adds over p = 0..k-1 (see
 * {@link VectorGemm}), whichever path, tile or thread computes it, so results are the same bits
 * for any thread count. Calls are serialised: one product at a time per engine.
 */
public final class VectorEngine implements MatrixEngine {
    /** Ends an engine's helper threads once the engine is garbage. */
    private static final Cleaner CLEANER = Cleaner.create();

    /** Below this many multiply-adds a product runs on the calling thread: waking helpers costs more. */
    private static final long PARALLEL_MIN_MULADDS = 1L << 19;
    /** Below this many multiply-adds the plain loop beats packing. */
    private static final long SCALAR_MAX_MULADDS = 1L << 11;
    /** Copying Aᵀ out: columns per cache-friendly block, and rows per range worth a thread. */
    private static final int TRANSPOSE_BLOCK = 32, TRANSPOSE_MIN_ROWS = 64;
    /** Panels of B per range when threads pack it together (a panel of a 512-row B is 128 KB). */
    private static final int PACK_MIN_PANELS = 4;

    private final int threads;
    private final WorkerPool pool;
    private final Product product;
    private final Ranges ranges = new Ranges();
    /** Cᵀ for the transposed route of {@link #mulTransB}. */
    private float[] transposed = new float[0];
    /** A of {@link #mulTransA} laid out row-major. */
    private float[] transposedA = new float[0];
    /** B packed once for all threads when they split C by rows. */
    private float[] sharedB = new float[0];

    /** As many threads as the machine has processors. */
    public VectorEngine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public VectorEngine(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        this.pool = threads > 1 ? new WorkerPool(threads) : null;
        this.product = new Product(threads);
        if (pool != null) {
            WorkerPool helpers = pool;   // the cleaning action must not hold on to this engine
            CLEANER.register(this, helpers::shutDown);
        }
    }

    public int threads() {
        return threads;
    }

    @Override
    public synchronized void mul(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        product.a.set(a, aOff, k, 1);
        product.b.set(b, bOff, n, 1);
        run(m, n, k, c, cOff, n, accumulate, false, null);
    }

    @Override
    public synchronized void mulTransB(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        // Packing Bᵀ transposes n·k values. When A is the smaller one, compute Cᵀ = B·Aᵀ instead:
        // that transposes A (m·k) and C (twice m·n), and each element is still the same fma chain.
        if ((long) m * k + 2L * m * n < (long) n * k && m >= VectorGemm.MR) {
            int ldt = VectorGemm.roundUp(m, VectorGemm.NR);
            int size = VectorGemm.roundUp(n, VectorGemm.MR) * ldt;
            if (transposed.length < size) transposed = new float[size];
            if (accumulate) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) transposed[j * ldt + i] = c[cOff + i * n + j];
                }
            }
            product.a.set(b, bOff, k, 1);
            product.b.set(a, aOff, 1, k);
            run(n, m, k, transposed, 0, ldt, accumulate, true, null);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) c[cOff + i * n + j] = transposed[j * ldt + i];
            }
        } else {
            product.a.set(a, aOff, k, 1);
            product.b.set(b, bOff, 1, k);
            run(m, n, k, c, cOff, n, accumulate, false, null);
        }
    }

    @Override
    public synchronized void mulTransA(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (m >= VectorGemm.MR && (long) m * n * k > SCALAR_MAX_MULADDS) {
            // the register kernels walk A's rows with unit stride: copy Aᵀ out row-major once
            if (transposedA.length < m * k) transposedA = new float[m * k];
            float[] t = transposedA;
            forEachRange(m, TRANSPOSE_MIN_ROWS, (from, to) -> {
                for (int p0 = 0; p0 < k; p0 += TRANSPOSE_BLOCK) {
                    int p1 = Math.min(k, p0 + TRANSPOSE_BLOCK);
                    for (int i = from; i < to; i++) {
                        for (int p = p0; p < p1; p++) t[i * k + p] = a[aOff + p * m + i];
                    }
                }
            });
            product.a.set(t, 0, k, 1);
        } else {
            product.a.set(a, aOff, 1, m);
        }
        product.b.set(b, bOff, n, 1);
        run(m, n, k, c, cOff, n, accumulate, false, null);
    }

    /** Packs B once, in the layout every product here reads it in. */
    @Override
    public synchronized void prepare(PreparedMatrix into, float[] b, int bOff, int k, int n, boolean transposed) {
        into.set(b, bOff, k, n, transposed, this);
        int size = VectorGemm.packedSize(k, n);
        if (into.packed == null || into.packed.length < size) into.packed = new float[size];
        VectorGemm.View view = transposed ? product.b.set(b, bOff, 1, k) : product.b.set(b, bOff, n, 1);
        float[] packed = into.packed;
        forEachRange(VectorGemm.panels(n), PACK_MIN_PANELS, (first, end) -> VectorGemm.packPanels(view, k, n, first, end, packed));
    }

    @Override
    public synchronized void mul(int m, float[] a, int aOff, PreparedMatrix b, float[] c, int cOff, boolean accumulate) {
        if (b.engine != this || b.packed == null) {
            MatrixEngine.super.mul(m, a, aOff, b, c, cOff, accumulate);
            return;
        }
        product.a.set(a, aOff, b.k, 1);
        if (b.transposed) {
            product.b.set(b.data, b.offset, 1, b.k);
        } else {
            product.b.set(b.data, b.offset, b.n, 1);
        }
        run(m, b.n, b.k, c, cOff, b.n, accumulate, false, b.packed);
    }

    @Override
    public synchronized void forEachRange(int n, int minRange, RangeWork work) {
        if (n <= 0) return;
        int parts = Math.max(1, Math.min(threads, n / Math.max(1, minRange)));
        if (pool == null || parts == 1) {
            work.run(0, n);
            return;
        }
        // ranges start at multiples of a vector's length, so vector loops over them stay aligned
        ranges.size = VectorGemm.roundUp((n + parts - 1) / parts, VectorGemm.L);
        ranges.n = n;
        ranges.work = work;
        try {
            pool.run(ranges, (n + ranges.size - 1) / ranges.size);
        } finally {
            ranges.work = null;
        }
    }

    /** The ranges of one {@link #forEachRange} call, one chunk each. */
    private static final class Ranges implements WorkerPool.Job {
        RangeWork work;
        int n, size;

        @Override
        public void runChunk(int chunk, int thread) {
            int from = chunk * size;
            work.run(from, Math.min(n, from + size));
        }
    }

    /**
     * C[m×n] (+)= A·B with the operands already in {@link Product#a} and {@link Product#b};
     * {@code packedB}, when not null, is B already packed by {@link VectorGemm#packAll}.
     */
    private void run(int m, int n, int k, float[] c, int cOff, int ldc, boolean accumulate, boolean cPadded, float[] packedB) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
            return;
        }
        long muladds = (long) m * n * k;
        if (muladds <= SCALAR_MAX_MULADDS) {
            VectorGemm.scalar(m, n, k, product.a, product.b, c, cOff, ldc, accumulate);
            return;
        }
        Product p = product;
        p.m = m;
        p.n = n;
        p.k = k;
        p.c = c;
        p.cOff = cOff;
        p.ldc = ldc;
        p.accumulate = accumulate;
        p.cPadded = cPadded;
        p.fewRows = m < VectorGemm.MR && (p.b.colStride == 1 || packedB != null);
        p.split(pool == null || muladds < PARALLEL_MIN_MULADDS ? 1 : threads);
        p.sharedB = packedB;
        p.sharedWidth = VectorGemm.roundUp(n, VectorGemm.NR);
        if (packedB == null && !p.byColumns && p.blocks > 1) {    // row strips all need the whole of B: pack it once
            int size = VectorGemm.packedSize(k, n);
            if (sharedB.length < size) sharedB = new float[size];
            VectorGemm.packAll(p.b, k, n, sharedB);
            p.sharedB = sharedB;
        }
        if (p.blocks == 1 || pool == null) {
            for (int block = 0; block < p.blocks; block++) p.runChunk(block, 0);
        } else {
            pool.run(p, p.blocks);
        }
    }

    /** The product being computed, cut into blocks of C that the threads take one by one. */
    private static final class Product implements WorkerPool.Job {
        final VectorGemm.View a = new VectorGemm.View();
        final VectorGemm.View b = new VectorGemm.View();
        final VectorGemm[] gemms;
        float[] sharedB;
        int sharedWidth;
        int m, n, k;
        float[] c;
        int cOff, ldc;
        boolean accumulate, cPadded, fewRows;
        /** Blocks are column strips when true, row strips otherwise. */
        boolean byColumns;
        int blockSize, blocks;

        Product(int threads) {
            gemms = new VectorGemm[threads];
            for (int i = 0; i < threads; i++) gemms[i] = new VectorGemm();
        }

        /**
         * Strips of C, about four per thread so that a thread the system holds back leaves its
         * share to the others: column strips (a multiple of NR wide) when C is wide enough, else
         * row strips (a multiple of MR tall) over a B packed once for all.
         */
        void split(int parts) {
            // few rows: two packed panels (fewRowsPacked's widest step, eight vectors); j0 stays a multiple of NR
            int nr = fewRows ? 2 * VectorGemm.NR : VectorGemm.NR;
            if (parts == 1) {
                byColumns = true;
                blockSize = n;
                blocks = 1;
            } else if (fewRows || n >= 2 * nr * parts || n > VectorGemm.NC) {
                byColumns = true;
                blockSize = Math.max(nr, VectorGemm.roundUp((n + 4 * parts - 1) / (4 * parts), nr));
                blocks = (n + blockSize - 1) / blockSize;
            } else {
                byColumns = false;
                blockSize = Math.max(VectorGemm.MR, VectorGemm.roundUp((m + 4 * parts - 1) / (4 * parts), VectorGemm.MR));
                blocks = (m + blockSize - 1) / blockSize;
            }
        }

        @Override
        public void runChunk(int block, int thread) {
            int i0 = 0, i1 = m, j0 = 0, j1 = n;
            if (byColumns) {
                j0 = block * blockSize;
                j1 = Math.min(n, j0 + blockSize);
            } else {
                i0 = block * blockSize;
                i1 = Math.min(m, i0 + blockSize);
            }
            if (fewRows && sharedB != null) {
                VectorGemm.fewRowsPacked(i0, i1, j0, j1, k, a, sharedB, sharedWidth, c, cOff, ldc, accumulate);
            } else if (fewRows) {
                VectorGemm.fewRows(i0, i1, j0, j1, k, a, b, c, cOff, ldc, accumulate);
            } else {
                gemms[thread].multiply(i0, i1, j0, j1, k, a, b, sharedB, sharedWidth, c, cOff, ldc, accumulate, cPadded);
            }
        }
    }

    @Override
    public String name() {
        return "vector";
    }
}
