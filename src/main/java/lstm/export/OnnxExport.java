package lstm.export;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lstm.io.AtomicFile;
import lstm.io.Json;
import lstm.io.UserException;
import lstm.nn.CellType;
import lstm.nn.NetworkConfig;
import lstm.nn.Param;
import lstm.train.Model;

/**
 * A token model (char, events) as an ONNX graph for serving; logits are its output.
 *
 * <p>lstm, gru, rnn and peephole cells become ONNX's own recurrent operators, one per layer, in a
 * <em>sequence graph</em>: {@code tokens} int64 [steps, batch], {@code h0} (and {@code c0})
 * float [layers, batch, hidden] in; {@code logits} [steps, batch, vocab], {@code hn} (and
 * {@code cn}) out. ONNX's gate orders differ from lstm's, so the gate blocks are reordered:
 * LSTM i o f c (lstm's i f g o); peepholes P in the order i o f, which is where lstm's peephole
 * cell looks too (i and f at c[t-1], o at c[t]); GRU z r h with {@code linear_before_reset = 1},
 * which is exactly lstm's GRU (the reset applies to h[t-1]·Wh_n + b_hn, b_hn being ONNX's Rb_h).
 *
 * <p>A cifg cell has no ONNX operator that runtimes agree on (LSTM's {@code input_forget} is
 * rarely implemented), so it becomes a <em>step graph</em> of plain operators: {@code token}
 * int64 [batch], {@code h0}, {@code c0} in; {@code logits} [batch, vocab], {@code hn}, {@code cn}
 * out; the caller feeds hn and cn back for the next step.
 *
 * <p>The model's metadata (kind, network, codec such as the vocabulary) goes into the file's
 * metadata_props as {@code lstm.kind}, {@code lstm.network}, {@code lstm.codec}, {@code lstm.graph}.
 */
public final class OnnxExport {
    /** An exported graph: the ONNX file's bytes, which graph it is, the operators it uses, the model's parameter count. */
    public record Exported(byte[] bytes, String graph, List<String> operators, long parameters) {}

    private final Model model;
    private final NetworkConfig config;
    private final Map<String, Param> params = new HashMap<>();
    private final OnnxGraph g = new OnnxGraph();
    private final List<String> operators = new ArrayList<>();

    private OnnxExport(Model model) {
        this.model = model;
        this.config = model.network.config;
        for (Param p : model.network.params()) params.put(p.name, p);
    }

    /** The model as an ONNX file; a kind other than the token models is a {@link UserException} naming {@code source}. */
    public static Exported export(Model model, String source) {
        if (model.network == null) {
            throw new UserException(source + " is a '" + model.kind + "' model, which has no ONNX export",
                    "export char or events models");
        }
        OnnxExport e = new OnnxExport(model);
        String graph = e.config.cell() == CellType.CIFG ? e.stepGraph() : e.sequenceGraph();
        e.g.metadata("lstm.kind", model.kind);
        e.g.metadata("lstm.graph", graph);
        e.g.metadata("lstm.network", Json.write(model.net.config()));
        e.g.metadata("lstm.codec", Json.write(model.codec));
        String doc = "lstm " + model.kind + " model: " + e.config.layers() + " x " + e.config.hidden() + " " + e.config.cell().id()
                + ", " + graph + " graph";
        byte[] bytes = e.g.model("lstm_" + model.kind, "lstm", doc);
        return new Exported(bytes, graph, List.copyOf(e.operators), model.network.parameterCount());
    }

    /** Exports to a file, written atomically. */
    public static Exported write(Model model, String source, Path target) {
        Exported exported = export(model, source);
        AtomicFile.write(target, ByteBuffer.wrap(exported.bytes()));
        return exported;
    }

    private float[] value(String name) {
        return params.get(name).value;
    }

    // ---------------------------------------------------------------------------- sequence graph

    private String sequenceGraph() {
        int v = config.vocabSize(), h = config.hidden(), layers = config.layers();
        CellType cell = config.cell();
        boolean cellState = cell == CellType.LSTM || cell == CellType.PEEPHOLE;
        g.input("tokens", OnnxGraph.INT64, "steps", "batch");
        g.input("h0", OnnxGraph.FLOAT, (long) layers, "batch", (long) h);
        if (cellState) g.input("c0", OnnxGraph.FLOAT, (long) layers, "batch", (long) h);
        g.output("logits", OnnxGraph.FLOAT, "steps", "batch", (long) v);
        g.output("hn", OnnxGraph.FLOAT, (long) layers, "batch", (long) h);
        if (cellState) g.output("cn", OnnxGraph.FLOAT, (long) layers, "batch", (long) h);
        String axis1 = g.int64s("axis_1", new long[] {1}, 1);

        String x = firstInput("tokens");
        List<String> h0 = perLayer("h0", layers), c0 = cellState ? perLayer("c0", layers) : null;
        List<String> hn = new ArrayList<>(), cn = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            String p = "layers." + l;
            int in = l == 0 ? inputSize() : h;
            String op;
            int[] order;
            List<String> inputs = new ArrayList<>();
            List<OnnxGraph.Attribute> attributes = new ArrayList<>(List.of(OnnxGraph.Attribute.of("hidden_size", (long) h)));
            switch (cell) {
                case LSTM, PEEPHOLE -> {
                    op = "LSTM";
                    order = new int[] {0, 3, 1, 2};   // ONNX i o f c from lstm's i f g o
                }
                case GRU -> {
                    op = "GRU";
                    order = new int[] {1, 0, 2};      // ONNX z r h from lstm's r z n
                    attributes.add(OnnxGraph.Attribute.of("linear_before_reset", 1L));
                }
                default -> {
                    op = "RNN";
                    order = new int[] {0};
                }
            }
            int gates = order.length;
            inputs.add(x);
            inputs.add(g.floats(p + ".W", new long[] {1, (long) gates * h, in}, gateRows(value(p + ".wx"), in, h, order)));
            inputs.add(g.floats(p + ".R", new long[] {1, (long) gates * h, h}, gateRows(value(p + ".wh"), h, h, order)));
            float[] bias = new float[2 * gates * h];   // Wb then Rb; lstm's one bias per gate is Wb
            float[] wb = gateBlocks(value(p + ".bias"), h, order);
            System.arraycopy(wb, 0, bias, 0, wb.length);
            if (cell == CellType.GRU) System.arraycopy(value(p + ".bias_hn"), 0, bias, gates * h + 2 * h, h);   // Rb_h
            inputs.add(g.floats(p + ".B", new long[] {1, 2L * gates * h}, bias));
            inputs.add("");   // sequence_lens: every stream runs all the steps
            inputs.add(h0.get(l));
            List<String> outputs = new ArrayList<>(List.of(p + ".Y", p + ".Y_h"));
            if (cellState) {
                inputs.add(c0.get(l));
                outputs.add(p + ".Y_c");
            }
            if (cell == CellType.PEEPHOLE) {
                float[] peep = new float[3 * h];
                System.arraycopy(value(p + ".peephole_i"), 0, peep, 0, h);
                System.arraycopy(value(p + ".peephole_o"), 0, peep, h, h);
                System.arraycopy(value(p + ".peephole_f"), 0, peep, 2 * h, h);
                inputs.add(g.floats(p + ".P", new long[] {1, 3L * h}, peep));
            }
            g.node(op, inputs, outputs, attributes.toArray(OnnxGraph.Attribute[]::new));
            used(op);
            // Y is [steps, directions = 1, batch, hidden]
            x = g.node("Squeeze", p + ".out", p + ".Y", axis1);
            hn.add(p + ".Y_h");
            if (cellState) cn.add(p + ".Y_c");
        }
        output(x, "logits");
        stack(hn, "hn");
        if (cellState) stack(cn, "cn");
        return "sequence";
    }

    /** The first layer's input: embedded tokens, or the tokens one-hot. */
    private String firstInput(String tokens) {
        if (config.embedding() > 0) {
            String table = g.floats("embedding", new long[] {config.vocabSize(), config.embedding()}, value("embedding"));
            used("Gather");
            return g.node("Gather", "embedded", table, tokens);
        }
        String depth = g.int64s("vocab_size", new long[] {1}, config.vocabSize());
        String onOff = g.floats("one_hot_values", new long[] {2}, new float[] {0f, 1f});
        used("OneHot");
        return g.node("OneHot", List.of(tokens, depth, onOff), List.of("one_hot"), OnnxGraph.Attribute.of("axis", -1L));
    }

    private int inputSize() {
        return config.embedding() > 0 ? config.embedding() : config.vocabSize();
    }

    /** The state input cut into one [1, batch, hidden] slice per layer. */
    private List<String> perLayer(String state, int layers) {
        if (layers == 1) return List.of(state);
        List<String> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) out.add(state + "." + l);
        g.node("Split", List.of(state), out, OnnxGraph.Attribute.of("axis", 0L));
        used("Split");
        return out;
    }

    private void stack(List<String> perLayer, String name) {
        if (perLayer.size() == 1) g.node("Identity", name, perLayer.get(0));
        else g.node("Concat", perLayer, List.of(name), OnnxGraph.Attribute.of("axis", 0L));
    }

    private void output(String top, String name) {
        String w = g.floats("output.weight", new long[] {config.hidden(), config.vocabSize()}, value("output.weight"));
        String b = g.floats("output.bias", new long[] {config.vocabSize()}, value("output.bias"));
        g.node("Add", name, g.node("MatMul", "output.product", top, w), b);
        used("MatMul");
    }

    /**
     * lstm's [inputs][gates·hidden] as ONNX's [gates·hidden][inputs], gate block k taken from
     * lstm's block order[k].
     */
    static float[] gateRows(float[] m, int inputs, int hidden, int[] order) {
        int gates = order.length, width = gates * hidden;
        float[] out = new float[width * inputs];
        for (int k = 0; k < gates; k++) {
            for (int j = 0; j < hidden; j++) {
                int src = order[k] * hidden + j, dst = (k * hidden + j) * inputs;
                for (int x = 0; x < inputs; x++) out[dst + x] = m[x * width + src];
            }
        }
        return out;
    }

    static float[] gateBlocks(float[] b, int hidden, int[] order) {
        float[] out = new float[order.length * hidden];
        for (int k = 0; k < order.length; k++) System.arraycopy(b, order[k] * hidden, out, k * hidden, hidden);
        return out;
    }

    // -------------------------------------------------------------------------------- step graph

    /** One step of the cifg cell in plain operators (Gather, MatMul, Add, Split, Sigmoid, Tanh, Mul, Sub). */
    private String stepGraph() {
        int v = config.vocabSize(), h = config.hidden(), layers = config.layers();
        g.input("token", OnnxGraph.INT64, "batch");
        g.input("h0", OnnxGraph.FLOAT, (long) layers, "batch", (long) h);
        g.input("c0", OnnxGraph.FLOAT, (long) layers, "batch", (long) h);
        g.output("logits", OnnxGraph.FLOAT, "batch", (long) v);
        g.output("hn", OnnxGraph.FLOAT, (long) layers, "batch", (long) h);
        g.output("cn", OnnxGraph.FLOAT, (long) layers, "batch", (long) h);
        String axis0 = g.int64s("axis_0", new long[] {1}, 0);
        String one = g.floats("one", new long[] {}, new float[] {1f});
        List<String> hPrev = perLayer("h0", layers), cPrev = perLayer("c0", layers);
        List<String> hn = new ArrayList<>(), cn = new ArrayList<>();
        String below = null;
        for (int l = 0; l < layers; l++) {
            String p = "layers." + l;
            int in = l == 0 ? inputSize() : h;
            String wx = g.floats(p + ".wx", new long[] {in, 3L * h}, value(p + ".wx"));
            String wh = g.floats(p + ".wh", new long[] {h, 3L * h}, value(p + ".wh"));
            String bias = g.floats(p + ".bias", new long[] {3L * h}, value(p + ".bias"));
            String inputPart;
            if (l > 0) {
                inputPart = g.node("MatMul", p + ".xw", below, wx);
            } else if (config.embedding() > 0) {
                String table = g.floats("embedding", new long[] {v, config.embedding()}, value("embedding"));
                inputPart = g.node("MatMul", p + ".xw", g.node("Gather", "embedded", table, "token"), wx);
            } else {
                inputPart = g.node("Gather", p + ".xw", wx, "token");   // one-hot input: a row of Wx
            }
            String h1 = g.node("Squeeze", p + ".h", hPrev.get(l), axis0), c1 = g.node("Squeeze", p + ".c", cPrev.get(l), axis0);
            String a = g.node("Add", p + ".a", g.node("Add", p + ".a_x", inputPart, bias), g.node("MatMul", p + ".hw", h1, wh));
            g.node("Split", List.of(a), List.of(p + ".a_f", p + ".a_g", p + ".a_o"), OnnxGraph.Attribute.of("axis", 1L));
            String f = g.node("Sigmoid", p + ".f", p + ".a_f");
            String cand = g.node("Tanh", p + ".g", p + ".a_g");
            String o = g.node("Sigmoid", p + ".o", p + ".a_o");
            // c[t] = f ⊙ c[t-1] + (1 − f) ⊙ g;  h[t] = o ⊙ tanh(c[t])
            String c = g.node("Add", p + ".c_new", g.node("Mul", p + ".kept", f, c1),
                    g.node("Mul", p + ".let_in", g.node("Sub", p + ".i", one, f), cand));
            below = g.node("Mul", p + ".h_new", o, g.node("Tanh", p + ".tanh_c", c));
            hn.add(g.node("Unsqueeze", p + ".h_out", below, axis0));
            cn.add(g.node("Unsqueeze", p + ".c_out", c, axis0));
        }
        for (String op : List.of("Gather", "MatMul", "Add", "Split", "Sigmoid", "Tanh", "Mul", "Sub")) used(op);
        output(below, "logits");
        stack(hn, "hn");
        stack(cn, "cn");
        return "step";
    }

    private void used(String op) {
        if (!operators.contains(op)) operators.add(op);
    }
}
