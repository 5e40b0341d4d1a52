package lstm.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The blocked, packed product behind {@link VectorEngine}, after Goto and van de Geijn
 * ("Anatomy of high-performance matrix multiplication", 2008): for a block of C it computes
 * <pre>  C(i,j) = C(i,j) + Σ_p A(i,p)·B(p,j)      (or from zero when not accumulating)</pre>
 * where A and B are any strided views of float arrays (so A·B, A·Bᵀ and Aᵀ·B are all the same
 * code). A block of B (KC × NC) is copied into panels NR wide that stay in L2, a block of A
 * (MC × KC) into panels MR tall, and a register kernel keeps an MR × NR tile of C in vector
 * registers while it streams one A panel against one B panel.
 *
 * <p>The register tile is MR × NR = 5 rows × 4 vectors: 20 accumulators, and per step p four
 * loads of B and five broadcasts of A feed 20 fused multiply-adds (2.2 per load). The earlier
 * 5 × 2 tile did 10 per 7 loads and left the multiply-add units waiting on loads: on AVX-512
 * (32 registers, L = 16) the wider tile measured 15-50% more GFLOP/s on one thread at the LSTM
 * training shapes (KernelBenchmark). 20 + 4 + 1 = 25 live vectors fit AVX-512's 32 registers;
 * AVX2 has 16, so C2 must spill there (not measured). Last panels at most two vectors wide take
 * the 5 × 2 or 5 × 1 kernel over the same packed layout (panels NR wide, zero-padded). The accumulators are local variables of one
 * straight loop over p: JDK 17's C2 boxes vectors carried through nested loops or kept in arrays.
 *
 * <p>Every element of C is one chain of fused multiply-adds, c = fma(A(i,p), B(p,j), c) for
 * p = 0, 1, ..., k-1, starting from C's old value or zero. Blocking, tile position, vector width
 * and thread count change which instructions run, never that chain, so results are the same bits
 * whichever way the work is split. One instance per thread: it owns its packing buffers.
 */
final class VectorGemm {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int L = SPECIES.length();
    /** Rows of the register tile: 5 divides the batch sizes we use (50, 2500). */
    static final int MR = 5;
    /** Vectors per row of the register tile (see the class comment), and its columns. */
    static final int NV = 4;
    static final int NR = NV * L;
    static final int KC = 256;
    /**
     * Where packed B starts in its array: the first float on a 64-byte boundary when the JVM
     * aligns objects to 64 bytes ({@code -XX:ObjectAlignmentInBytes=64}, as bin/lstm starts it),
     * so that no load of B splits a cache line (15% faster kernels measured on AVX-512). Without
     * that flag the offset does no harm; the arithmetic is the same either way.
     */
    static final int PACKED_BASE = (64 - sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET % 64) % 64 / Float.BYTES;
    static final int MC = 24 * MR;
    static final int NC = Math.max(NR, 512 / NR * NR);
    /** Up to this many B panels per block, the kernel reads A where it lies instead of packing it. */
    // Was 4. With threads splitting C into column strips, every strip packed all of A again
    // (12% of a 2 x 512 training step, scalar code); reading A in place measured 5-15% more GFLOP
    // per CPU-second at the LSTM shapes (kernel benchmark, hidden 512, AVX-512).
    static final int DIRECT_A_MAX_PANELS = 64;

    /** A(i,p) = data[offset + i·rowStride + p·colStride], and likewise for B(p,j). */
    static final class View {
        float[] data;
        int offset;
        int rowStride;
        int colStride;

        View set(float[] data, int offset, int rowStride, int colStride) {
            this.data = data;
            this.offset = offset;
            this.rowStride = rowStride;
            this.colStride = colStride;
            return this;
        }
    }

    private final float[] packedA = new float[MC * KC];
    private final float[] packedB = new float[PACKED_BASE + KC * NC];
    /** Stand-in for an edge tile of C that is smaller than MR × NR. */
    private final float[] tile = new float[MR * NR];

    /**
     * C[i0:i1, j0:j1] (+)= A[i0:i1, 0:k]·B[0:k, j0:j1], C(i,j) at c[cOff + i·ldc + j]. A's rows
     * must be contiguous (colStride 1): the register kernels step along them with a constant stride.
     * When {@code cPadded}, C has room for whole tiles past i1 and j1 (rows up to a multiple of
     * MR, columns to a multiple of NR, counted from i0 and j0), so edge tiles are written in place
     * with junk in the padding. {@code sharedB}, when not null, is all of B already packed by
     * {@link #packAll} for n columns with {@code sharedWidth} = roundUp(n, NR): threads that split
     * C by rows, and prepared operands, pack B once.
     */
    void multiply(int i0, int i1, int j0, int j1, int k, View a, View b, float[] sharedB, int sharedWidth,
                  float[] c, int cOff, int ldc, boolean accumulate, boolean cPadded) {
        if (a.colStride != 1) throw new IllegalArgumentException("A's rows must be contiguous");
        float[] pb = sharedB != null ? sharedB : packedB;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            // Packing A pays when its panels meet many B panels; else the kernel reads A in place.
            boolean packA = (nc + NR - 1) / NR > DIRECT_A_MAX_PANELS;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean load = accumulate || pc > 0;
                int packedBlock = PACKED_BASE;
                if (sharedB == null) {
                    packB(b, pc, kc, jc, nc, packedB, PACKED_BASE);
                } else {
                    packedBlock = PACKED_BASE + pc * sharedWidth + jc * kc;
                }
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    int fullRows = mc / MR * MR;
                    if (packA) {
                        packA(a, ic, mc, pc, kc, 0);
                    } else if (fullRows < mc) {
                        packA(a, ic + fullRows, mc - fullRows, pc, kc, fullRows * kc);   // the short last panel
                    }
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        int bo = packedBlock + jr * kc;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int co = cOff + (ic + ir) * ldc + jc + jr;
                            if (packA || mr < MR) {
                                tile(kc, packedA, ir * kc, kc, pb, bo, c, co, ldc, load, mr, nr, cPadded);
                            } else {
                                int ao = a.offset + (ic + ir) * a.rowStride + pc;
                                tile(kc, a.data, ao, a.rowStride, pb, bo, c, co, ldc, load, mr, nr, cPadded);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * One MR × NR tile of C; A(r,p) at pa[ao + r·aRow + p]. An edge tile smaller than
     * MR × NR goes through a small buffer unless C has room for the whole tile.
     */
    private void tile(int kc, float[] pa, int ao, int aRow, float[] pb, int bo,
                      float[] c, int co, int ldc, boolean load, int mr, int nr, boolean cPadded) {
        if ((mr == MR && nr == NR) || cPadded) {
            kernel(kc, pa, ao, aRow, pb, bo, c, co, ldc, load, nr);
            return;
        }
        if (load) {
            for (int r = 0; r < mr; r++) System.arraycopy(c, co + r * ldc, tile, r * NR, nr);
        }
        kernel(kc, pa, ao, aRow, pb, bo, tile, 0, NR, load, nr);
        for (int r = 0; r < mr; r++) System.arraycopy(tile, r * NR, c, co + r * ldc, nr);
    }

    private static void kernel(int kc, float[] pa, int ao, int aRow, float[] pb, int bo,
                               float[] c, int co, int ldc, boolean load, int nr) {
        if (nr > 2 * L) {
            kernel5x4(kc, pa, ao, aRow, pb, bo, c, co, ldc, load);
        } else if (nr > L) {
            kernel5x2(kc, pa, ao, aRow, pb, bo, c, co, ldc, load);
        } else {
            kernel5x1(kc, pa, ao, aRow, pb, bo, c, co, ldc, load);
        }
    }

    /** Copies A[ic:ic+mc, pc:pc+kc] as panels of MR rows, each row of a panel kc long; missing rows are zero. */
    private void packA(View a, int ic, int mc, int pc, int kc, int into) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = into + ir * kc;
            for (int r = 0; r < mr; r++) {
                System.arraycopy(a.data, a.offset + (ic + ir + r) * a.rowStride + pc, packedA, dst + r * kc, kc);
            }
            java.util.Arrays.fill(packedA, dst + mr * kc, dst + MR * kc, 0f);
        }
    }

    /** Length of an array that {@link #packAll} fills for a k × n matrix B (from {@link #PACKED_BASE} on). */
    static int packedSize(int k, int n) {
        return PACKED_BASE + k * roundUp(n, NR);
    }

    /** Packs all of B (k × n) once: the panels of rows pc.. start at pc·roundUp(n, NR), column j's at j·kc past that. */
    static void packAll(View b, int k, int n, float[] dst) {
        packPanels(b, k, n, 0, panels(n), dst);
    }

    /** Panels NR wide that cover n columns. */
    static int panels(int n) {
        return (n + NR - 1) / NR;
    }

    /** The part of {@link #packAll} for panels [first, end): ranges of panels can be packed at once. */
    static void packPanels(View b, int k, int n, int first, int end, float[] dst) {
        int width = roundUp(n, NR), jc = first * NR, nc = Math.min(n, end * NR) - jc;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            packB(b, pc, kc, jc, nc, dst, PACKED_BASE + pc * width + jc * kc);
        }
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** Copies B[pc:pc+kc, jc:jc+nc] as panels of NR columns, each stored p-major; missing columns are zero. */
    private static void packB(View b, int pc, int kc, int jc, int nc, float[] packedB, int into) {
        float[] src = b.data;
        int rs = b.rowStride, cs = b.colStride;
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int dst = into + jr * kc;
            int base = b.offset + pc * rs + (jc + jr) * cs;
            if (cs == 1) {                          // B row-major: each p gives nr neighbours
                for (int p = 0; p < kc; p++) {
                    int s = base + p * rs, d = dst + p * NR;
                    if (nr == NR) {
                        for (int v = 0; v < NR; v += L) FloatVector.fromArray(SPECIES, src, s + v).intoArray(packedB, d + v);
                    } else {
                        System.arraycopy(src, s, packedB, d, nr);
                        for (int j = nr; j < NR; j++) packedB[d + j] = 0f;
                    }
                }
            } else {                                // Bᵀ stored row-major: transpose while copying
                for (int j = 0; j < nr; j++) {
                    int s = base + j * cs;
                    for (int p = 0; p < kc; p++) packedB[dst + p * NR + j] = src[s + p * rs];
                }
                for (int j = nr; j < NR; j++) {
                    for (int p = 0; p < kc; p++) packedB[dst + p * NR + j] = 0f;
                }
            }
        }
    }

    /**
     * C[i0:i1, j0:j1] (+)= A·B for a few rows of C (batch-1 generation: matrix × vector) with B
     * already packed by {@link #packAll} ({@code width} = roundUp(n, NR)): each panel NR wide is
     * one contiguous run of memory per KC block, so the weights stream through the cache in order
     * instead of in strided pieces. j0 is a multiple of NR. Two panels (eight accumulators) at a
     * time keep the multiply-add units busy; the chain per element is the same as in {@link #multiply}.
     */
    static void fewRowsPacked(int i0, int i1, int j0, int j1, int k, View a, float[] packed, int width,
                              float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = i0; i < i1; i++) {
            int aRow = a.offset + i * a.rowStride;
            int cRow = cOff + i * ldc;
            int j = j0;
            // each width of panels in its own small method: one big one would stop C2 inlining the Vector API
            for (; j + 2 * NR <= j1; j += 2 * NR) twoPanels(j, k, a.data, aRow, a.colStride, packed, width, c, cRow + j, accumulate);
            for (; j + NR <= j1; j += NR) onePanel(j, k, a.data, aRow, a.colStride, packed, width, c, cRow + j, accumulate);
            int panel = j;                           // the last, partial panel: a vector, then a column at a time
            for (; j + L <= j1; j += L) panelVector(panel, j - panel, k, a.data, aRow, a.colStride, packed, width, c, cRow + j, accumulate);
            for (; j < j1; j++) {
                float s = accumulate ? c[cRow + j] : 0f;
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    int base = PACKED_BASE + pc * width + panel * kc + (j - panel);
                    for (int p = 0; p < kc; p++) s = Math.fma(a.data[aRow + (pc + p) * a.colStride], packed[base + p * NR], s);
                }
                c[cRow + j] = s;
            }
        }
    }

    /** Columns j..j+2·NR of one row of C from two packed panels: eight accumulators. */
    private static void twoPanels(int j, int k, float[] av, int aRow, int acs, float[] packed, int width,
                                  float[] c, int co, boolean accumulate) {
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
        if (accumulate) {
            c0 = FloatVector.fromArray(SPECIES, c, co);
            c1 = FloatVector.fromArray(SPECIES, c, co + L);
            c2 = FloatVector.fromArray(SPECIES, c, co + 2 * L);
            c3 = FloatVector.fromArray(SPECIES, c, co + 3 * L);
            c4 = FloatVector.fromArray(SPECIES, c, co + NR);
            c5 = FloatVector.fromArray(SPECIES, c, co + NR + L);
            c6 = FloatVector.fromArray(SPECIES, c, co + NR + 2 * L);
            c7 = FloatVector.fromArray(SPECIES, c, co + NR + 3 * L);
        } else {
            c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = FloatVector.zero(SPECIES);
        }
        // One loop over p (C2 in JDK 17 boxes vectors carried through nested loops): row p of the
        // panel starting at column j lies at base + p·NR, base changing at each KC block.
        int kc = Math.min(KC, k), next = kc, base = PACKED_BASE + j * kc, stride = NR * kc;
        for (int p = 0; p < k; p++) {
            if (p == next) {
                kc = Math.min(KC, k - p);
                next = p + kc;
                base = PACKED_BASE + p * width + j * kc - p * NR;
                stride = NR * kc;
            }
            FloatVector x = FloatVector.broadcast(SPECIES, av[aRow + p * acs]);
            int o = base + p * NR, o2 = o + stride;
            c0 = x.fma(FloatVector.fromArray(SPECIES, packed, o), c0);
            c1 = x.fma(FloatVector.fromArray(SPECIES, packed, o + L), c1);
            c2 = x.fma(FloatVector.fromArray(SPECIES, packed, o + 2 * L), c2);
            c3 = x.fma(FloatVector.fromArray(SPECIES, packed, o + 3 * L), c3);
            c4 = x.fma(FloatVector.fromArray(SPECIES, packed, o2), c4);
            c5 = x.fma(FloatVector.fromArray(SPECIES, packed, o2 + L), c5);
            c6 = x.fma(FloatVector.fromArray(SPECIES, packed, o2 + 2 * L), c6);
            c7 = x.fma(FloatVector.fromArray(SPECIES, packed, o2 + 3 * L), c7);
        }
        c0.intoArray(c, co);
        c1.intoArray(c, co + L);
        c2.intoArray(c, co + 2 * L);
        c3.intoArray(c, co + 3 * L);
        c4.intoArray(c, co + NR);
        c5.intoArray(c, co + NR + L);
        c6.intoArray(c, co + NR + 2 * L);
        c7.intoArray(c, co + NR + 3 * L);
    }

    /** Columns j..j+NR of one row of C from one packed panel: four accumulators. */
    private static void onePanel(int j, int k, float[] av, int aRow, int acs, float[] packed, int width,
                                 float[] c, int co, boolean accumulate) {
        FloatVector c0, c1, c2, c3;
        if (accumulate) {
            c0 = FloatVector.fromArray(SPECIES, c, co);
            c1 = FloatVector.fromArray(SPECIES, c, co + L);
            c2 = FloatVector.fromArray(SPECIES, c, co + 2 * L);
            c3 = FloatVector.fromArray(SPECIES, c, co + 3 * L);
        } else {
            c0 = c1 = c2 = c3 = FloatVector.zero(SPECIES);
        }
        int kc = Math.min(KC, k), next = kc, base = PACKED_BASE + j * kc;
        for (int p = 0; p < k; p++) {
            if (p == next) {
                kc = Math.min(KC, k - p);
                next = p + kc;
                base = PACKED_BASE + p * width + j * kc - p * NR;
            }
            FloatVector x = FloatVector.broadcast(SPECIES, av[aRow + p * acs]);
            int o = base + p * NR;
            c0 = x.fma(FloatVector.fromArray(SPECIES, packed, o), c0);
            c1 = x.fma(FloatVector.fromArray(SPECIES, packed, o + L), c1);
            c2 = x.fma(FloatVector.fromArray(SPECIES, packed, o + 2 * L), c2);
            c3 = x.fma(FloatVector.fromArray(SPECIES, packed, o + 3 * L), c3);
        }
        c0.intoArray(c, co);
        c1.intoArray(c, co + L);
        c2.intoArray(c, co + 2 * L);
        c3.intoArray(c, co + 3 * L);
    }

    /** One vector of one row of C at column {@code off} of the packed panel starting at column {@code panel}. */
    private static void panelVector(int panel, int off, int k, float[] av, int aRow, int acs, float[] packed, int width,
                                    float[] c, int co, boolean accumulate) {
        FloatVector c0 = accumulate ? FloatVector.fromArray(SPECIES, c, co) : FloatVector.zero(SPECIES);
        int kc = Math.min(KC, k), next = kc, base = PACKED_BASE + panel * kc + off;
        for (int p = 0; p < k; p++) {
            if (p == next) {
                kc = Math.min(KC, k - p);
                next = p + kc;
                base = PACKED_BASE + p * width + panel * kc + off - p * NR;
            }
            c0 = FloatVector.broadcast(SPECIES, av[aRow + p * acs]).fma(FloatVector.fromArray(SPECIES, packed, base + p * NR), c0);
        }
        c0.intoArray(c, co);
    }

    /**
     * C[i0:i1, j0:j1] (+)= A·B for a few rows of C, reading a row-major B in place (colStride 1):
     * packing B would cost as much as the product. Each row of C is built eight vectors at a
     * time, then one vector at a time, then one element at a time; the chain per element is the
     * same as in {@link #multiply}.
     */
    static void fewRows(int i0, int i1, int j0, int j1, int k, View a, View b,
                        float[] c, int cOff, int ldc, boolean accumulate) {
        float[] av = a.data, bv = b.data;
        int brs = b.rowStride;
        for (int i = i0; i < i1; i++) {
            int aRow = a.offset + i * a.rowStride, acs = a.colStride;
            int cRow = cOff + i * ldc;
            int j = j0;
            for (; j + 8 * L <= j1; j += 8 * L) {
                int co = cRow + j;
                FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
                if (accumulate) {
                    c0 = FloatVector.fromArray(SPECIES, c, co);
                    c1 = FloatVector.fromArray(SPECIES, c, co + L);
                    c2 = FloatVector.fromArray(SPECIES, c, co + 2 * L);
                    c3 = FloatVector.fromArray(SPECIES, c, co + 3 * L);
                    c4 = FloatVector.fromArray(SPECIES, c, co + 4 * L);
                    c5 = FloatVector.fromArray(SPECIES, c, co + 5 * L);
                    c6 = FloatVector.fromArray(SPECIES, c, co + 6 * L);
                    c7 = FloatVector.fromArray(SPECIES, c, co + 7 * L);
                } else {
                    c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = FloatVector.zero(SPECIES);
                }
                int bo = b.offset + j;
                for (int p = 0; p < k; p++) {
                    FloatVector x = FloatVector.broadcast(SPECIES, av[aRow + p * acs]);
                    int r = bo + p * brs;
                    c0 = x.fma(FloatVector.fromArray(SPECIES, bv, r), c0);
                    c1 = x.fma(FloatVector.fromArray(SPECIES, bv, r + L), c1);
                    c2 = x.fma(FloatVector.fromArray(SPECIES, bv, r + 2 * L), c2);
                    c3 = x.fma(FloatVector.fromArray(SPECIES, bv, r + 3 * L), c3);
                    c4 = x.fma(FloatVector.fromArray(SPECIES, bv, r + 4 * L), c4);
                    c5 = x.fma(FloatVector.fromArray(SPECIES, bv, r + 5 * L), c5);
                    c6 = x.fma(FloatVector.fromArray(SPECIES, bv, r + 6 * L), c6);
                    c7 = x.fma(FloatVector.fromArray(SPECIES, bv, r + 7 * L), c7);
                }
                c0.intoArray(c, co);
                c1.intoArray(c, co + L);
                c2.intoArray(c, co + 2 * L);
                c3.intoArray(c, co + 3 * L);
                c4.intoArray(c, co + 4 * L);
                c5.intoArray(c, co + 5 * L);
                c6.intoArray(c, co + 6 * L);
                c7.intoArray(c, co + 7 * L);
            }
            for (; j + L <= j1; j += L) {
                int co = cRow + j;
                FloatVector acc = accumulate ? FloatVector.fromArray(SPECIES, c, co) : FloatVector.zero(SPECIES);
                int bo = b.offset + j;
                for (int p = 0; p < k; p++) {
                    acc = FloatVector.broadcast(SPECIES, av[aRow + p * acs])
                            .fma(FloatVector.fromArray(SPECIES, bv, bo + p * brs), acc);
                }
                acc.intoArray(c, co);
            }
            for (; j < j1; j++) {
                float s = accumulate ? c[cRow + j] : 0f;
                int bo = b.offset + j;
                for (int p = 0; p < k; p++) s = Math.fma(av[aRow + p * acs], bv[bo + p * brs], s);
                c[cRow + j] = s;
            }
        }
    }

    /** The plain definition, one element at a time, for products too small to pack. */
    static void scalar(int m, int n, int k, View a, View b, float[] c, int cOff, int ldc, boolean accumulate) {
        float[] av = a.data, bv = b.data;
        for (int i = 0; i < m; i++) {
            int aRow = a.offset + i * a.rowStride;
            for (int j = 0; j < n; j++) {
                int bCol = b.offset + j * b.colStride;
                float s = accumulate ? c[cOff + i * ldc + j] : 0f;
                for (int p = 0; p < k; p++) s = Math.fma(av[aRow + p * a.colStride], bv[bCol + p * b.rowStride], s);
                c[cOff + i * ldc + j] = s;
            }
        }
    }

    /** The register tile: C[5 × 4L] at c[co], row stride ldc, kept in twenty vector registers. */
    private static void kernel5x4(int kc, float[] pa, int ao, int aRow, float[] pb, int bo,
                                  float[] c, int co, int ldc, boolean load) {
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33, c40, c41, c42, c43;
        int r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc;
        if (load) {
            c00 = FloatVector.fromArray(SPECIES, c, co);
            c01 = FloatVector.fromArray(SPECIES, c, co + L);
            c02 = FloatVector.fromArray(SPECIES, c, co + 2 * L);
            c03 = FloatVector.fromArray(SPECIES, c, co + 3 * L);
            c10 = FloatVector.fromArray(SPECIES, c, r1);
            c11 = FloatVector.fromArray(SPECIES, c, r1 + L);
            c12 = FloatVector.fromArray(SPECIES, c, r1 + 2 * L);
            c13 = FloatVector.fromArray(SPECIES, c, r1 + 3 * L);
            c20 = FloatVector.fromArray(SPECIES, c, r2);
            c21 = FloatVector.fromArray(SPECIES, c, r2 + L);
            c22 = FloatVector.fromArray(SPECIES, c, r2 + 2 * L);
            c23 = FloatVector.fromArray(SPECIES, c, r2 + 3 * L);
            c30 = FloatVector.fromArray(SPECIES, c, r3);
            c31 = FloatVector.fromArray(SPECIES, c, r3 + L);
            c32 = FloatVector.fromArray(SPECIES, c, r3 + 2 * L);
            c33 = FloatVector.fromArray(SPECIES, c, r3 + 3 * L);
            c40 = FloatVector.fromArray(SPECIES, c, r4);
            c41 = FloatVector.fromArray(SPECIES, c, r4 + L);
            c42 = FloatVector.fromArray(SPECIES, c, r4 + 2 * L);
            c43 = FloatVector.fromArray(SPECIES, c, r4 + 3 * L);
        } else {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = c20 = c21 = c22 = c23 = FloatVector.zero(SPECIES);
            c30 = c31 = c32 = c33 = c40 = c41 = c42 = c43 = c00;
        }
        // unit stride along p: C2 then proves every A index in range once, before the loop
        int a0r = ao, a1r = ao + aRow, a2r = a1r + aRow, a3r = a2r + aRow, a4r = a3r + aRow;
        for (int p = 0; p < kc; p++) {
            int b = bo + p * NR;
            FloatVector b0 = FloatVector.fromArray(SPECIES, pb, b);
            FloatVector b1 = FloatVector.fromArray(SPECIES, pb, b + L);
            FloatVector b2 = FloatVector.fromArray(SPECIES, pb, b + 2 * L);
            FloatVector b3 = FloatVector.fromArray(SPECIES, pb, b + 3 * L);
            FloatVector a0 = FloatVector.broadcast(SPECIES, pa[a0r + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            FloatVector a1 = FloatVector.broadcast(SPECIES, pa[a1r + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            FloatVector a2 = FloatVector.broadcast(SPECIES, pa[a2r + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            FloatVector a3 = FloatVector.broadcast(SPECIES, pa[a3r + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
            FloatVector a4 = FloatVector.broadcast(SPECIES, pa[a4r + p]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            c42 = a4.fma(b2, c42);
            c43 = a4.fma(b3, c43);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c02.intoArray(c, co + 2 * L);
        c03.intoArray(c, co + 3 * L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c12.intoArray(c, r1 + 2 * L);
        c13.intoArray(c, r1 + 3 * L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c22.intoArray(c, r2 + 2 * L);
        c23.intoArray(c, r2 + 3 * L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c32.intoArray(c, r3 + 2 * L);
        c33.intoArray(c, r3 + 3 * L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c42.intoArray(c, r4 + 2 * L);
        c43.intoArray(c, r4 + 3 * L);
    }

    /** The same for a last panel at most two vectors wide: C[5 × 2L], ten vector registers. */
    private static void kernel5x2(int kc, float[] pa, int ao, int aRow, float[] pb, int bo,
                                  float[] c, int co, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41;
        int r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc;
        if (load) {
            c00 = FloatVector.fromArray(SPECIES, c, co);
            c01 = FloatVector.fromArray(SPECIES, c, co + L);
            c10 = FloatVector.fromArray(SPECIES, c, r1);
            c11 = FloatVector.fromArray(SPECIES, c, r1 + L);
            c20 = FloatVector.fromArray(SPECIES, c, r2);
            c21 = FloatVector.fromArray(SPECIES, c, r2 + L);
            c30 = FloatVector.fromArray(SPECIES, c, r3);
            c31 = FloatVector.fromArray(SPECIES, c, r3 + L);
            c40 = FloatVector.fromArray(SPECIES, c, r4);
            c41 = FloatVector.fromArray(SPECIES, c, r4 + L);
        } else {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = FloatVector.zero(SPECIES);
        }
        // unit stride along p: C2 then proves every A index in range once, before the loop
        int a0r = ao, a1r = ao + aRow, a2r = a1r + aRow, a3r = a2r + aRow, a4r = a3r + aRow;
        for (int p = 0; p < kc; p++) {
            int b = bo + p * NR;
            FloatVector b0 = FloatVector.fromArray(SPECIES, pb, b);
            FloatVector b1 = FloatVector.fromArray(SPECIES, pb, b + L);
            FloatVector a0 = FloatVector.broadcast(SPECIES, pa[a0r + p]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, pa[a1r + p]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, pa[a2r + p]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, pa[a3r + p]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, pa[a4r + p]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
    }

    /** The same for a last panel at most one vector wide: C[5 × L]. */
    private static void kernel5x1(int kc, float[] pa, int ao, int aRow, float[] pb, int bo,
                                  float[] c, int co, int ldc, boolean load) {
        FloatVector c0, c1, c2, c3, c4;
        int r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc;
        if (load) {
            c0 = FloatVector.fromArray(SPECIES, c, co);
            c1 = FloatVector.fromArray(SPECIES, c, r1);
            c2 = FloatVector.fromArray(SPECIES, c, r2);
            c3 = FloatVector.fromArray(SPECIES, c, r3);
            c4 = FloatVector.fromArray(SPECIES, c, r4);
        } else {
            c0 = c1 = c2 = c3 = c4 = FloatVector.zero(SPECIES);
        }
        // unit stride along p: C2 then proves every A index in range once, before the loop
        int a0r = ao, a1r = ao + aRow, a2r = a1r + aRow, a3r = a2r + aRow, a4r = a3r + aRow;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, pb, bo + p * NR);
            c0 = FloatVector.broadcast(SPECIES, pa[a0r + p]).fma(b0, c0);
            c1 = FloatVector.broadcast(SPECIES, pa[a1r + p]).fma(b0, c1);
            c2 = FloatVector.broadcast(SPECIES, pa[a2r + p]).fma(b0, c2);
            c3 = FloatVector.broadcast(SPECIES, pa[a3r + p]).fma(b0, c3);
            c4 = FloatVector.broadcast(SPECIES, pa[a4r + p]).fma(b0, c4);
        }
        c0.intoArray(c, co);
        c1.intoArray(c, r1);
        c2.intoArray(c, r2);
        c3.intoArray(c, r3);
        c4.intoArray(c, r4);
    }
}
