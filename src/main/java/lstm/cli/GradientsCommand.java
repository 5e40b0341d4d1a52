package lstm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.io.Json;
import lstm.io.UserException;
import lstm.nn.NetworkConfig;
import lstm.train.CharCorpus;
import lstm.train.GradientReport;
import lstm.train.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "gradients", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Show how far back a model's gradient reaches: for k = 1..K, the norm of the",
                "gradient of the loss at step t with respect to each layer's hidden state k steps",
                "earlier, ‖∂L_t/∂h[t−k]‖, averaged over positions t of the text, and the ratio",
                "g(K)/g(1). A plain rnn's gradient vanishes within a few dozen steps; the gated",
                "cells (lstm, gru, peephole, cifg) can keep far more of it.",
                "To stay fast, each position reads only --warmup characters, one at a time,",
                "before its K steps of history to set up the recurrent state.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm gradients plays.lstm held-out.txt",
                "  lstm gradients plays.lstm held-out.txt --max-lag 100 --all",
                "  lstm gradients plays.lstm held-out.txt --json | jq '.layers[].ratio'"})
final class GradientsCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model written by 'lstm train'.")
    Path modelPath;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Text files or folders (or -), read as one text.")
    List<String> files;

    @Option(names = "--max-lag", paramLabel = "K", defaultValue = "" + GradientReport.DEFAULT_MAX_LAG,
            description = "Largest lag k (default: ${DEFAULT-VALUE}).")
    int maxLag;

    @Option(names = "--positions", paramLabel = "N", defaultValue = "" + GradientReport.DEFAULT_POSITIONS,
            description = "Positions of the text to average over, spread over all of it (default: ${DEFAULT-VALUE}).")
    int positions;

    @Option(names = "--warmup", paramLabel = "CHARS", defaultValue = "" + GradientReport.DEFAULT_WARMUP,
            description = "Characters read before each position's K steps of history (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed for the positions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--all", description = "Print a row for every k, not only k = 1, 2, 5, 10, 20, 50, ... and K.")
    boolean all;

    @Option(names = "--json", description = "Print one JSON object: cell, max_lag, positions, warmup, chars, layers[{norms, ratio}].")
    boolean json;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Override
    public Integer call() {
        if (maxLag < 1) throw new UsageException("--max-lag must be at least 1, got " + maxLag);
        if (positions < 1) throw new UsageException("--positions must be at least 1, got " + positions);
        if (warmup < 0) throw new UsageException("--warmup must not be negative, got " + warmup);
        Model model = ModelOptions.load(modelPath, engineOptions.engine(), CharCorpus.KIND);
        int[] tokens = ModelOptions.readTokens(model, files, parent.io.in, "measure on text made of the model's characters");
        if (GradientReport.measurablePositions(tokens.length, maxLag) < 1) {
            throw new UserException("the text is too short: " + tokens.length + " characters, but --max-lag " + maxLag + " needs at least "
                    + (maxLag + 2) + " (K of history, the character at t and the one it predicts)", "give a longer text or a smaller --max-lag");
        }
        GradientReport.Result r = GradientReport.measure(model.network, tokens, maxLag, positions, warmup, seed);
        NetworkConfig c = model.network.config;
        if (json) {
            parent.io.text.println(Json.write(toMap(r, c, tokens.length)));
        } else {
            printTable(r, c, tokens.length);
        }
        return Main.OK;
    }

    private static Map<String, Object> toMap(GradientReport.Result r, NetworkConfig c, int chars) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", c.cell().id());
        m.put("hidden", c.hidden());
        m.put("max_lag", r.maxLag());
        m.put("positions", r.positions());
        m.put("warmup", r.warmup());
        m.put("chars", chars);
        List<Object> layers = new ArrayList<>();
        for (int l = 0; l < r.layers(); l++) {
            Map<String, Object> layer = new LinkedHashMap<>();
            List<Double> norms = new ArrayList<>();
            for (double x : r.meanNorms()[l]) norms.add(x);
            layer.put("norms", norms);
            layer.put("ratio", Double.isFinite(r.ratio(l)) ? r.ratio(l) : null);
            layers.add(layer);
        }
        m.put("layers", layers);
        return m;
    }

    private void printTable(GradientReport.Result r, NetworkConfig c, int chars) {
        var out = parent.io.text;
        out.printf(Locale.ROOT, "%s: %d × %d %s; mean over %,d positions of %,d characters (warm-up %d)%n", modelPath, c.layers(),
                c.hidden(), c.cell().id(), r.positions(), chars, r.warmup());
        out.printf(Locale.ROOT, "‖∂L_t/∂h[t−k]‖, the gradient of the loss at t with respect to the hidden state k steps earlier%n%n");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%10s", "k"));
        for (int l = 0; l < r.layers(); l++) head.append(String.format(Locale.ROOT, "  %10s", "layer " + (l + 1)));
        out.println(head);
        for (int k = 1; k <= r.maxLag(); k++) {
            if (!all && !shownByDefault(k, r.maxLag())) continue;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%10d", k));
            for (int l = 0; l < r.layers(); l++) row.append(String.format(Locale.ROOT, "  %10.3e", r.meanNorms()[l][k - 1]));
            out.println(row);
        }
        StringBuilder ratio = new StringBuilder(String.format(Locale.ROOT, "%10s", "g(" + r.maxLag() + ")/g(1)"));
        for (int l = 0; l < r.layers(); l++) ratio.append(String.format(Locale.ROOT, "  %10.3e", r.ratio(l)));
        out.println(ratio);
    }

    /** k = 1, 2, 5, 10, 20, 50, 100, ... and the largest lag. */
    static boolean shownByDefault(int k, int maxLag) {
        if (k == maxLag) return true;
        int m = k;
        while (m % 10 == 0) m /= 10;
        return m == 1 || m == 2 || m == 5;
    }
}
