package lstm.linalg;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * GFLOP/s of each matrix back-end at the products a char-LSTM training step makes (batch 50,
 * 50 steps, hidden 128 or 512, vocabulary 65). Not a test: run it with
 * <pre>  mvn -q -B -Pbench test-compile exec:exec [-Dbench.args="..."]</pre>
 * Options: {@code --engines java,ejml,vector} {@code --threads 1,2} {@code --hidden 128,512}
 * {@code --samples 5} {@code --sample-ms 200} {@code --only NAME} {@code --activations}
 * (ns per value of each activation) {@code --bandwidth} (read GB/s over 1 to 48 MB). Each
 * cell is timed {@code samples} times after a warm-up and shows three numbers: the best sample's
 * GFLOP/s by the wall clock, the spread (worst / best: other processes on the machine slow some
 * samples down), and GFLOP per second of CPU time used by the whole JVM in the best sample, which
 * other processes hardly disturb (for 1 thread it is the speed of a core that had been free; for
 * more threads, the lower it is than the 1-thread figure, the more CPU went to waiting and overhead).
 */
public final class KernelBenchmark {
    private static final int BATCH = 50, STEPS = 50, VOCAB = 65;
    private static final PreparedMatrix PREPARED = new PreparedMatrix();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** PREPARED_*: B prepared (MatrixEngine.prepare) once per 50 products, as a layer does per chunk. */
    private enum Op { MUL, TRANS_B, TRANS_A, PREPARED_MUL, PREPARED_TRANS_B }

    private record Shape(String name, Op op, int m, int n, int k) {
        double flops() {
            return 2.0 * m * n * k;
        }
    }

    private static List<Shape> shapes(int h) {
        int g = 4 * h, rows = BATCH * STEPS;
        return List.of(
                new Shape("fwd input   x·Wx", Op.MUL, rows, g, h),
                new Shape("fwd step    h·Wh", Op.MUL, BATCH, g, h),
                new Shape("fwd step+p  h·Wh", Op.PREPARED_MUL, BATCH, g, h),
                new Shape("fwd output  h·Wo", Op.MUL, rows, VOCAB, h),
                new Shape("bwd step    dG·Whᵀ", Op.TRANS_B, BATCH, h, g),
                new Shape("bwd step+p  dG·Whᵀ", Op.PREPARED_TRANS_B, BATCH, h, g),
                new Shape("bwd dWh     Hᵀ·dG", Op.TRANS_A, h, g, rows),
                new Shape("bwd dInput  dG·Wxᵀ", Op.TRANS_B, rows, h, g),
                new Shape("bwd dWo     Hᵀ·dY", Op.TRANS_A, h, VOCAB, rows),
                new Shape("bwd dH      dY·Woᵀ", Op.TRANS_B, rows, h, VOCAB),
                new Shape("sample      h·Wh", Op.MUL, 1, g, h),
                new Shape("sample+p    h·Wh", Op.PREPARED_MUL, 1, g, h),
                new Shape("sample+p    [x;h]·W", Op.PREPARED_MUL, 1, g, 2 * h));
    }

    public static void main(String[] args) {
        List<String> engines = List.of("java", "ejml", "vector");
        int[] threads = {1, 2};
        int[] hidden = {128, 512};
        int samples = 5;
        long sampleNanos = 200_000_000L;
        String only = null;
        boolean activations = false, bandwidth = false;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--activations") || args[i].equals("--bandwidth")) {
                activations |= args[i].equals("--activations");
                bandwidth |= args[i].equals("--bandwidth");
                i--;
                continue;
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--engines" -> engines = List.of(value.split(","));
                case "--threads" -> threads = ints(value);
                case "--hidden" -> hidden = ints(value);
                case "--samples" -> samples = Integer.parseInt(value);
                case "--sample-ms" -> sampleNanos = Long.parseLong(value) * 1_000_000L;
                case "--only" -> only = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "# %s, %d processors, vector species %s%n",
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(),
                Engines.vectorAvailable() ? VectorGemm.SPECIES : "unavailable");
        if (activations) {
            activations(samples);
            return;
        }
        if (bandwidth) {
            bandwidth(samples);
            return;
        }
        System.out.printf(Locale.ROOT, "# GFLOP/s: wall clock best of %d samples of >= %d ms (spread = worst/best)"
                + " | GFLOP per CPU-second in that sample%n", samples, sampleNanos / 1_000_000);
        System.out.println("# step+p: B prepared (MatrixEngine.prepare) once per " + STEPS + " products, as a layer would per chunk");
        List<String> columns = new ArrayList<>();
        List<MatrixEngine> instances = new ArrayList<>();
        for (String e : engines) {
            if (e.equals("vector")) {
                for (int t : threads) {
                    columns.add("vector t" + t);
                    instances.add(Engines.byName("vector", t));
                }
            } else {
                columns.add(e);
                instances.add(Engines.byName(e, 1));
            }
        }
        // compile every path of every engine before timing anything (the Vector API is slow until C2 has it)
        for (MatrixEngine e : instances) {
            for (Shape s : shapes(hidden[0])) measure(e, s, 1, sampleNanos);
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-6s %-20s %-16s", "hidden", "product", "m x n x k"));
        for (String c : columns) header.append(String.format(Locale.ROOT, " %24s", c));
        System.out.println(header);
        for (int h : hidden) {
            for (Shape s : shapes(h)) {
                if (only != null && !s.name.contains(only)) continue;
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6d %-20s %-16s",
                        h, s.name, s.m + "x" + s.n + "x" + s.k));
                for (MatrixEngine e : instances) {
                    double[][] result = measure(e, s, samples, sampleNanos);
                    double[] wall = result[0];
                    int bestSample = 0;
                    for (int i = 1; i < samples; i++) if (wall[i] > wall[bestSample]) bestSample = i;
                    double best = wall[bestSample], worst = Arrays.stream(wall).min().orElse(best);
                    line.append(String.format(Locale.ROOT, " %7.1f (x%5.2f) |%6.1f", best, best / worst, result[1][bestSample]));
                }
                System.out.println(line);
            }
        }
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** GFLOP/s by wall clock and per CPU-second of each sample, after one sample's worth of warm-up. */
    private static double[][] measure(MatrixEngine e, Shape s, int samples, long sampleNanos) {
        Rng rng = new Rng(1);
        float[] a = random(s.m * s.k, rng), b = random(s.k * s.n, rng), c = random(s.m * s.n, rng);
        run(e, s, a, b, c, sampleNanos);
        double[][] gflops = new double[2][samples];
        for (int i = 0; i < samples; i++) {
            long cpu = OS.getProcessCpuTime();
            long[] callsAndNanos = run(e, s, a, b, c, sampleNanos);
            cpu = OS.getProcessCpuTime() - cpu;
            gflops[0][i] = s.flops() * callsAndNanos[0] / callsAndNanos[1];
            gflops[1][i] = s.flops() * callsAndNanos[0] / cpu;
        }
        return gflops;
    }

    /** Repeats the product for at least the given time; calls and nanoseconds. Accumulates, as training does. */
    private static long[] run(MatrixEngine e, Shape s, float[] a, float[] b, float[] c, long nanos) {
        long start = System.nanoTime(), elapsed;
        int calls = 0;
        do {
            switch (s.op) {
                case MUL -> e.mul(s.m, s.n, s.k, a, 0, b, 0, c, 0, true);
                case TRANS_B -> e.mulTransB(s.m, s.n, s.k, a, 0, b, 0, c, 0, true);
                case TRANS_A -> e.mulTransA(s.m, s.n, s.k, a, 0, b, 0, c, 0, true);
                case PREPARED_MUL, PREPARED_TRANS_B -> {
                    if (calls % STEPS == 0) e.prepare(PREPARED, b, 0, s.k, s.n, s.op == Op.PREPARED_TRANS_B);
                    e.mul(s.m, a, 0, PREPARED, c, 0, true);
                }
            }
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return new long[] {calls, elapsed};
    }

    /** Nanoseconds per element of the activations, against Math.tanh, on a gate-sized array. */
    private static void activations(int samples) {
        float[] x = new float[4 * 512 * BATCH], y = new float[x.length];
        Rng rng = new Rng(3);
        for (int i = 0; i < x.length; i++) x[i] = (float) (rng.nextGaussian() * 2);
        String[] names = {"Math.tanh", "Activations.tanh", "Activations.sigmoid", "Activations.tanh run", "Activations.sigmoid run"};
        System.out.println("# ns per element (CPU time), best of " + samples + " samples; runs: "
                + (Activations.vectorised() ? "SIMD" : "scalar"));
        for (int f = 0; f < names.length; f++) {
            double best = Double.MAX_VALUE;
            for (int sample = 0; sample <= samples; sample++) {
                long cpu = OS.getProcessCpuTime();
                int reps = f >= 3 ? 5000 : 100;      // the runs are fast: enough CPU time to measure
                for (int rep = 0; rep < reps; rep++) {
                    if (f == 3) {
                        Activations.tanh(x, 0, y, 0, x.length);
                    } else if (f == 4) {
                        Activations.sigmoid(x, 0, y, 0, x.length);
                    } else {
                        for (int i = 0; i < x.length; i++) {
                            y[i] = f == 0 ? (float) Math.tanh(x[i]) : f == 1 ? Activations.tanh(x[i]) : Activations.sigmoid(x[i]);
                        }
                    }
                }
                cpu = OS.getProcessCpuTime() - cpu;
                if (sample > 0) best = Math.min(best, (double) cpu / ((double) reps * x.length));   // sample 0 warms up
            }
            System.out.printf(Locale.ROOT, "%-22s %6.2f ns%n", names[f], best);
        }
    }

    /**
     * Read bandwidth (GB/s by the wall clock, best of the samples) over working sets the size of
     * the weights that batch-1 sampling streams per step (2 × 512: 12 MB), by 1 and 2 threads each
     * summing its half: the ceiling for sampling speed once the weights do not fit in L2.
     */
    private static void bandwidth(int samples) {
        System.out.println("# read bandwidth, GB/s (wall clock, best of " + samples + " samples of 1 GB or more)");
        for (int mb : new int[] {1, 4, 12, 48}) {
            float[] data = new float[mb << 18];
            Arrays.fill(data, 1f);
            int passes = Math.max(20, 1024 / mb);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%3d MB", mb));
            for (int threads = 1; threads <= 2; threads++) {
                double best = 0;
                for (int sample = 0; sample <= samples; sample++) {
                    Thread[] workers = new Thread[threads];
                    long start = System.nanoTime();
                    for (int t = 0; t < threads; t++) {
                        int from = t * data.length / threads, to = (t + 1) * data.length / threads;
                        workers[t] = new Thread(() -> {
                            for (int pass = 0; pass < passes; pass++) sink += sum(data, from, to);
                        });
                        workers[t].start();
                    }
                    for (Thread w : workers) {
                        try {
                            w.join();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    double gbs = (double) passes * data.length * Float.BYTES / (System.nanoTime() - start);
                    if (sample > 0) best = Math.max(best, gbs);     // sample 0 warms up
                }
                line.append(String.format(Locale.ROOT, "   %d thread%s %6.1f", threads, threads == 1 ? " " : "s", best));
            }
            System.out.println(line);
        }
    }

    private static volatile float sink;

    /** Four vector accumulators, so that the loads, not the adds, set the pace. */
    private static float sum(float[] data, int from, int to) {
        jdk.incubator.vector.VectorSpecies<Float> species = VectorGemm.SPECIES;
        int l = species.length();
        jdk.incubator.vector.FloatVector s0 = jdk.incubator.vector.FloatVector.zero(species), s1 = s0, s2 = s0, s3 = s0;
        int i = from;
        for (; i + 4 * l <= to; i += 4 * l) {
            s0 = s0.add(jdk.incubator.vector.FloatVector.fromArray(species, data, i));
            s1 = s1.add(jdk.incubator.vector.FloatVector.fromArray(species, data, i + l));
            s2 = s2.add(jdk.incubator.vector.FloatVector.fromArray(species, data, i + 2 * l));
            s3 = s3.add(jdk.incubator.vector.FloatVector.fromArray(species, data, i + 3 * l));
        }
        float total = s0.add(s1).add(s2).add(s3).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        for (; i < to; i++) total += data[i];
        return total;
    }

    private static float[] random(int size, Rng rng) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (2f * rng.nextFloat() - 1f) * 0.01f;
        return x;
    }
}
