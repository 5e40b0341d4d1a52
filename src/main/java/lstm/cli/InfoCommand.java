package lstm.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.io.Json;
import lstm.music.TimeGrid;
import lstm.nn.NetworkConfig;
import lstm.train.EventCorpus;
import lstm.train.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "info", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Describe a model: kind, cell, size, vocabulary and how far it was trained.", ""},
        footerHeading = "%nExamples:%n", footer = {"  lstm info plays.lstm", "  lstm info plays.lstm --json | jq .steps"})
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(paramLabel = "MODEL", description = "A model written by 'lstm train'.")
    Path modelPath;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Model model = ModelOptions.load(modelPath, new lstm.linalg.JavaEngine());
        if (model.network == null) return describeOther(model);
        NetworkConfig c = model.network.config;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", model.kind);
        m.put("cell", c.cell().id());
        m.put("layers", c.layers());
        m.put("hidden", c.hidden());
        m.put("embedding", c.embedding());
        m.put("dropout", (double) c.dropout());
        m.put("parameters", model.network.parameterCount());
        m.put("vocab_size", c.vocabSize());
        m.put("steps", model.state.step);
        m.put("epochs", model.state.epoch);
        m.put("tokens_seen", model.state.tokensSeen);
        m.put("best_val_loss", finite(model.state.bestValLoss));
        m.put("last_val_loss", finite(model.state.lastValLoss));
        m.put("train_seconds", Math.round(model.state.trainSeconds * 10) / 10.0);
        m.put("batch_size", model.options.batchSize);
        m.put("seq_length", model.options.seqLength);
        m.put("optimizer", model.options.optimizer);
        if (model.kind.equals(EventCorpus.KIND)) {
            m.put("events", model.codec);
            putGrid(m, TimeGrid.read(model.codec));
        }
        if (json) {
            parent.io.text.println(Json.write(m));
            return Main.OK;
        }
        var out = parent.io.text;
        out.printf(Locale.ROOT, "%s%n", modelPath);
        out.printf(Locale.ROOT, "  kind         %s%n", model.kind);
        out.printf(Locale.ROOT, "  network      %d × %d %s%s%s%n", c.layers(), c.hidden(), c.cell().id(),
                c.embedding() > 0 ? ", embedding " + c.embedding() : ", one-hot input",
                c.dropout() > 0 ? ", dropout " + c.dropout() : "");
        out.printf(Locale.ROOT, "  parameters   %,d%n", model.network.parameterCount());
        out.printf(Locale.ROOT, "  vocabulary   %d%n", c.vocabSize());
        if (model.kind.equals(EventCorpus.KIND)) {
            out.printf(Locale.ROOT, "  events       %s%n", eventSettings(model.codec));
            out.printf(Locale.ROOT, "  time grid    %s%n", describe(TimeGrid.read(model.codec)));
        }
        out.printf(Locale.ROOT, "  trained      %,d steps, %d epochs, %,d tokens, %s (batch %d × seq %d, %s)%n", model.state.step,
                model.state.epoch, model.state.tokensSeen, Durations.format(model.state.trainSeconds), model.options.batchSize,
                model.options.seqLength, model.options.optimizer);
        out.printf(Locale.ROOT, "  val loss     %s (best %s) nats/%s%n", fmt(model.state.lastValLoss), fmt(model.state.bestValLoss),
                model.kind.equals(EventCorpus.KIND) ? "event" : "token");
        return Main.OK;
    }

    /** An events model's codec settings in words: "no velocity, 10 ms steps, shifts up to 1 s, ...". */
    private static String eventSettings(Map<String, Object> codec) {
        int stepsPerSecond = ((Number) codec.get("steps_per_second")).intValue();
        int maxShift = ((Number) codec.get("max_shift_steps")).intValue();
        List<?> transpose = (List<?>) codec.get("transpose"), stretch = (List<?>) codec.get("stretch");
        return String.format(Locale.ROOT, "%s, %d ms steps, shifts up to %s s, notes cut at %s s, drums %s, sustain %s; trained with transpose %s..%s, stretch %s..%s",
                Boolean.TRUE.equals(codec.get("velocity")) ? codec.get("velocity_bins") + " velocity bins" : "no velocity",
                1000 / stepsPerSecond, maxShift / (double) stepsPerSecond, codec.get("max_hold_seconds"), codec.get("drums"),
                Boolean.TRUE.equals(codec.get("sustain")) ? "on" : "off", transpose.get(0), transpose.get(1), stretch.get(0), stretch.get(1));
    }

    /** The time grid's keys in the JSON: step_seconds (events) or steps_per_quarter (frames), tempo_bpm (null: none), lowest_note, highest_note. */
    private static void putGrid(Map<String, Object> m, TimeGrid grid) {
        if (grid.inBeats()) m.put("steps_per_quarter", grid.stepsPerQuarter());
        else m.put("step_seconds", grid.stepSeconds());
        m.put("tempo_bpm", grid.tempoBpm());
        m.put("lowest_note", grid.lowestNote());
        m.put("highest_note", grid.highestNote());
    }

    /** "16th-note grid, learned at 100 BPM, notes 21-108". */
    private static String describe(TimeGrid grid) {
        return String.format(Locale.ROOT, "%s, %s, notes %d-%d", grid.describe(),
                grid.tempoBpm() == null ? "no tempo (compose assumes " + TimeGrid.formatNumber(TimeGrid.DEFAULT_BPM) + " BPM)"
                        : "learned at " + TimeGrid.formatNumber(grid.tempoBpm()) + " BPM",
                grid.lowestNote(), grid.highestNote());
    }

    private static Object finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static String fmt(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.4f", x) : "none";
    }

    /** Models with their own architecture (roll, biaxial): their saved network description. */
    private int describeOther(Model model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", model.kind);
        m.put("network", model.net.config());
        m.put("parameters", model.net.parameterCount());
        m.put("steps", model.state.step);
        m.put("epochs", model.state.epoch);
        m.put("best_val_loss", finite(model.state.bestValLoss));
        m.put("last_val_loss", finite(model.state.lastValLoss));
        m.put("train_seconds", Math.round(model.state.trainSeconds * 10) / 10.0);
        m.put("batch_size", model.options.batchSize);
        m.put("seq_length", model.options.seqLength);
        m.put("optimizer", model.options.optimizer);
        TimeGrid grid = TimeGrid.read(model.codec);
        if (json) {
            putGrid(m, grid);
            parent.io.text.println(Json.write(m));
        } else {
            parent.io.text.printf(Locale.ROOT, "%s%n", modelPath);
            m.forEach((k, v) -> parent.io.text.printf(Locale.ROOT, "  %-14s %s%n", k, v));
            parent.io.text.printf(Locale.ROOT, "  %-14s %s%n", "time grid", describe(grid));
        }
        return Main.OK;
    }
}
