package lstm.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lstm.io.MetricsLog;
import lstm.io.UserException;
import lstm.plot.Frame;
import lstm.plot.LossCurve;
import lstm.plot.LossPlot;
import lstm.train.TrainingListener;

/**
 * Shows training progress on stderr: a live one-line bar on a terminal, plain periodic lines
 * otherwise; evaluations and checkpoints always get a line. Also feeds the metrics CSV and the loss plot.
 */
final class ProgressPrinter implements TrainingListener {
    private final PrintStream err;
    private final boolean live;
    private final boolean quiet;
    private final MetricsLog log;
    private final int logEvery;
    private final long maxSteps;
    private long lastDraw;
    private double lossSum;
    private int lossCount;
    private double logLossSum;
    private int logLossCount;
    private boolean barShown;
    private Progress pendingRow;
    private double pendingLoss;
    private LossCurve curve;
    private Path plot;
    private final String rateUnit;
    private boolean logFailed;

    /** {@code rateUnit}: what the rate counts, "chars" or "events" (the log's column keeps its name chars_per_s). */
    ProgressPrinter(PrintStream err, boolean quiet, MetricsLog log, int logEvery, long maxSteps, String rateUnit) {
        this.err = err;
        this.rateUnit = rateUnit;
        this.quiet = quiet;
        this.live = !quiet && stderrIsTerminal();
        this.log = log;
        this.logEvery = logEvery;
        this.maxSteps = maxSteps;
    }

    /** Also keep a loss plot: the curve gets every metrics row, and the PNG is redrawn at each evaluation. */
    void plotTo(Path png, LossCurve curve) {
        this.plot = png;
        this.curve = curve;
    }

    /** True when stderr is a terminal: as bin/lstm says, else whether fd 2 links to a tty device (Linux). */
    static boolean stderrIsTerminal() {
        String launcher = System.getenv("LSTM_STDERR_IS_TTY");   // bin/lstm filters stderr through a pipe
        if (launcher != null) return launcher.equals("1");
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    @Override
    public void onStep(Progress p) {
        lossSum += p.stepLoss();
        lossCount++;
        logLossSum += p.stepLoss();
        logLossCount++;
        flushPendingRow();
        if ((log != null || curve != null) && p.step() % logEvery == 0) {
            // held back one call: if an evaluation of this step follows, it joins the same row
            pendingRow = p;
            pendingLoss = logLossSum / logLossCount;
            logLossSum = 0;
            logLossCount = 0;
        }
        if (quiet) return;
        long now = System.nanoTime();
        long interval = live ? 200_000_000L : 10_000_000_000L;
        if (now - lastDraw < interval && p.step() > 1) return;
        lastDraw = now;
        String line = describe(p, lossSum / lossCount, Double.NaN);
        lossSum = 0;
        lossCount = 0;
        if (live) {
            err.print("\r\033[K" + bar(p) + line);
            barShown = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void onEvaluation(Progress p, boolean best) {
        if (log != null || curve != null) {
            double train = pendingRow != null && pendingRow.step() == p.step() ? pendingLoss
                    : logLossCount > 0 ? logLossSum / logLossCount : p.stepLoss();
            pendingRow = null;
            append(p, train, p.valLoss());
            logLossSum = 0;
            logLossCount = 0;
        }
        if (plot != null) redrawPlot();
        if (quiet) return;
        clearBar();
        err.println(describe(p, p.stepLoss(), p.valLoss()) + (best ? "  (best)" : ""));
        err.flush();
    }

    /** A plot that cannot be written is worth a warning, not the training run. */
    private void redrawPlot() {
        try {
            LossPlot.write(List.of(curve), LossPlot.XAxis.STEP, new Frame(900, 560, null), plot);
        } catch (UserException e) {
            clearBar();
            err.println("lstm: warning: " + e.userMessage() + "; training goes on");
        }
    }

    @Override
    public void onCheckpoint(Path path, long step) {
        if (quiet) return;
        clearBar();
        err.println("saved " + path + " at step " + step);
        err.flush();
    }

    private void append(Progress p, double trainLoss, double valLoss) {
        if (log != null && !logFailed) {
            try {
                log.append(p.step(), p.epoch() + p.epochFraction(), trainLoss, valLoss, p.learningRate(), p.gradNorm(),
                        p.tokensPerSecond(), p.elapsedSeconds());
            } catch (UserException e) {
                logFailed = true;   // once: the trainer saves the model and reports this
                throw e;
            }
        }
        if (curve != null) curve.add(p.step(), p.elapsedSeconds(), trainLoss, valLoss);
    }

    private void flushPendingRow() {
        if (pendingRow == null) return;
        append(pendingRow, pendingLoss, Double.NaN);
        pendingRow = null;
    }

    /** Writes the last row held back and closes the log; a failure to write it is reported (the model is saved by then). */
    void finish() {
        try {
            flushPendingRow();
        } finally {
            clearBar();
            if (log != null) log.close();
        }
    }

    /** After a failure: closes the log, and whatever the last row held back meets is not the failure to report. */
    void abandon() {
        try {
            finish();
        } catch (UserException ignored) {
            // the failure in flight is the one to report
        }
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\033[K");
            barShown = false;
        }
    }

    private String bar(Progress p) {
        if (maxSteps <= 0) return "";
        double done = Math.min(1, p.step() / (double) maxSteps);
        int width = 20, filled = (int) (done * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + String.format(Locale.ROOT, "] %3.0f%% ", done * 100);
    }

    private String describe(Progress p, double trainLoss, double valLoss) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "step %d  epoch %.2f  loss %.4f", p.step(), p.epoch() + p.epochFraction(), trainLoss));
        if (Double.isFinite(valLoss)) sb.append(String.format(Locale.ROOT, "  val %.4f", valLoss));
        sb.append(String.format(Locale.ROOT, "  lr %.2e  %s %s/s  %s", p.learningRate(), human(p.tokensPerSecond()), rateUnit,
                Durations.format(p.elapsedSeconds())));
        if (Double.isFinite(p.etaSeconds())) sb.append("  eta ").append(Durations.format(p.etaSeconds()));
        return sb.toString();
    }

    private static String human(double x) {
        if (x >= 1e6) return String.format(Locale.ROOT, "%.2fM", x / 1e6);
        if (x >= 1e3) return String.format(Locale.ROOT, "%.1fk", x / 1e3);
        return String.format(Locale.ROOT, "%.0f", x);
    }
}
