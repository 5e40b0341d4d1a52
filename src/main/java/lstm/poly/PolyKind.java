package lstm.poly;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lstm.io.OptionException;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;
import lstm.train.Model;
import lstm.train.ModelFile;
import lstm.train.ModelKind;
import lstm.train.ModelSize;
import lstm.train.Requested;
import lstm.train.TrainOptions;
import lstm.train.TrainingState;

/**
 * The frame kinds ({@code roll}, {@code biaxial}) for {@link lstm.train.TrainingStart}: a preset's
 * recipe stands in for the sizes, dropout, learning rate, batch and segment length not given.
 * Options: {@code --layers}, {@code --hidden} (roll), {@code --time-hidden}, {@code --note-hidden}
 * (biaxial, lists of Integer), {@code --dropout}.
 */
public final class PolyKind implements ModelKind {
    private final String name;
    private final PolyPresets.Recipe recipe;

    private PolyKind(String name, PolyPresets.Recipe recipe) {
        this.name = name;
        this.recipe = recipe;
    }

    /** The kind with the named preset (null: default); an unknown kind or preset is a usage error. */
    public static PolyKind of(String kind, String preset) {
        if (!PolyModels.KINDS.contains(kind)) throw new OptionException("--model must be char, events, roll or biaxial, got '" + kind + "'");
        String presetName = preset == null ? "default" : preset;
        PolyPresets.Recipe recipe = PolyPresets.get(kind, presetName);
        if (recipe == null) {
            throw new OptionException("--preset for " + kind + " must be one of " + PolyPresets.names(kind) + ", got '" + presetName + "'");
        }
        return new PolyKind(kind, recipe);
    }

    public PolyPresets.Recipe recipe() {
        return recipe;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TrainOptions trainOptions(Requested r) {
        TrainOptions options = r.trainOptions();
        if (!r.given("--lr")) options.learningRate = recipe.learningRate();
        if (!r.given("--batch-size")) options.batchSize = recipe.batchSize();
        if (!r.given("--seq-length")) options.seqLength = recipe.seqLength();
        return options;
    }

    @Override
    public Model create(Requested r, TrainOptions options, Map<String, Object> codec, MatrixEngine mm, Rng init) {
        float dropout = r.given("--dropout") ? r.floatValue("--dropout") : recipe.dropout();
        long rows = (long) options.batchSize * options.seqLength;
        PolyNetwork network;
        if (name.equals(RollNetwork.KIND)) {
            int[] hidden = r.given("--hidden") || r.given("--layers") ? filled(r.intValue("--layers"), r.intValue("--hidden")) : recipe.hidden();
            checkSizes("--layers and --hidden", hidden);
            ModelSize.check("--layers and --hidden", ModelSize.stackParameters(4, Keyboard.KEYS, hidden), rows * 4 * max(hidden));
            network = new RollNetwork(hidden, dropout, mm);
        } else {
            int[] time = r.given("--time-hidden") ? ints(r.get("--time-hidden")) : recipe.timeHidden();
            int[] note = r.given("--note-hidden") ? ints(r.get("--note-hidden")) : recipe.noteHidden();
            for (int n : time) if (n < 1) throw new OptionException("--time-hidden sizes must be at least 1");
            for (int n : note) if (n < 1) throw new OptionException("--note-hidden sizes must be at least 1");
            checkSizes("--time-hidden", time);
            checkSizes("--note-hidden", note);
            long parameters = ModelSize.stackParameters(4, BiaxialNetwork.FEATURES, time)
                    + ModelSize.stackParameters(4, time[time.length - 1] + 2L, note);
            ModelSize.check("--time-hidden and --note-hidden", parameters, rows * Keyboard.KEYS * 4 * Math.max(max(time), max(note)));
            network = new BiaxialNetwork(time, note, dropout, mm);
        }
        network.initialize(init);
        return new Model(name, network, codec, options, new TrainingState());
    }

    private static void checkSizes(String option, int[] sizes) {
        if (sizes.length == 0) throw new OptionException(option + " needs at least one layer");
        ModelSize.checkLayers(option, sizes.length);
        ModelSize.checkWidth(option, max(sizes));
    }

    private static int max(int[] sizes) {
        return Arrays.stream(sizes).max().orElse(0);
    }

    private static int[] filled(int layers, int hidden) {
        int[] sizes = new int[layers];
        Arrays.fill(sizes, hidden);
        return sizes;
    }

    private static int[] ints(Object value) {
        return value instanceof int[] a ? a.clone() : PolyModels.ints(value);
    }

    @Override
    public Map<String, Object> networkOptions(Model saved) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (saved.net instanceof RollNetwork roll) {
            m.put("--layers", roll.hidden.length);
            if (Arrays.stream(roll.hidden).distinct().count() == 1) m.put("--hidden", roll.hidden[0]);
            m.put("--dropout", roll.dropout);
        } else if (saved.net instanceof BiaxialNetwork biaxial) {
            m.put("--time-hidden", PolyModels.list(biaxial.timeHidden));
            m.put("--note-hidden", PolyModels.list(biaxial.noteHidden));
            m.put("--dropout", biaxial.dropout);
        }
        return m;
    }

    @Override
    public ModelFile.Architectures architectures() {
        return PolyModels.ARCHITECTURES;
    }

    @Override
    public int defaultEpochs() {
        return recipe.epochs();
    }

    /** The option values of {@code --time-hidden} and {@code --note-hidden} as {@link #networkOptions} gives them. */
    public static List<Object> sizes(int[] values) {
        return values == null ? null : PolyModels.list(values);
    }
}
