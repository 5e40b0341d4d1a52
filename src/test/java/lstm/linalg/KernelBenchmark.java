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
 * {@code --samples 5} {@code --sample-ms 200} {@code --only NAME} {@code --activations}. Each
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
        boolean activations = false;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--activations")) {
                activations = true;
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
        String[] names = {"Math.tanh", "Activations.tanh", "Activations.sigmoid"};
        System.out.println("# ns per element (CPU time), best of " + samples + " samples");
        for (int f = 0; f < names.length; f++) {
            double best = Double.MAX_VALUE;
            for (int sample = 0; sample <= samples; sample++) {
                long cpu = OS.getProcessCpuTime();
                for (int rep = 0; rep < 100; rep++) {
                    for (int i = 0; i < x.length; i++) {
                        y[i] = f == 0 ? (float) Math.tanh(x[i]) : f == 1 ? Activations.tanh(x[i]) : Activations.sigmoid(x[i]);
                    }
                }
                cpu = OS.getProcessCpuTime() - cpu;
                if (sample > 0) best = Math.min(best, (double) cpu / (100.0 * x.length));   // sample 0 warms up
            }
            System.out.printf(Locale.ROOT, "%-22s %6.2f ns%n", names[f], best);
        }
    }

    private static float[] random(int size, Rng rng) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (2f * rng.nextFloat() - 1f) * 0.01f;
        return x;
    }
}
