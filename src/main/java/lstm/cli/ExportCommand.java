package lstm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.export.OnnxExport;
import lstm.io.Json;
import lstm.io.UserException;
import lstm.train.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Export a char or events model for serving, as an ONNX graph whose output is the logits.",
                "lstm, gru, rnn and peephole cells use ONNX's LSTM, GRU and RNN operators over a sequence",
                "(inputs tokens [steps, batch], h0, c0; outputs logits, hn, cn); cifg is a one-step graph of plain",
                "operators (inputs token [batch], h0, c0). The model's vocabulary and settings go into the metadata.", ""},
        footerHeading = "%nExamples:%n", footer = {"  lstm export plays.lstm --onnx plays.onnx",
                "  lstm export folk.lstm --onnx folk.onnx --json",
                "  lstm export plays.lstm --onnx - | ssh server 'cat > plays.onnx'"})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(paramLabel = "MODEL", description = "A char or events model written by 'lstm train'.")
    Path modelPath;

    @Option(names = "--onnx", required = true, paramLabel = "FILE.onnx", description = "The ONNX file to write (atomically), or - for standard output.")
    Path onnx;

    @Option(names = "--json", description = "Print one JSON object: onnx, graph, operators, parameters, bytes.")
    boolean json;

    @Override
    public Integer call() throws java.io.IOException {
        boolean toStdout = onnx.toString().equals("-");
        if (toStdout && json) throw new UsageException("--json prints on standard output: give --onnx a file with it");
        if (!toStdout && Files.exists(onnx) && Files.exists(modelPath) && sameFile(onnx, modelPath)) {
            throw new UsageException("--onnx " + onnx + " is the model itself; give another file name");
        }
        Model model = ModelOptions.load(modelPath, new lstm.linalg.JavaEngine());
        OnnxExport.Exported r;
        if (toStdout) {
            r = OnnxExport.export(model, modelPath.toString());
            parent.io.out.write(r.bytes());
            parent.io.out.flush();
        } else {
            r = OnnxExport.write(model, modelPath.toString(), onnx);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("onnx", onnx.toString());
            m.put("graph", r.graph());
            m.put("operators", r.operators());
            m.put("parameters", r.parameters());
            m.put("bytes", r.bytes().length);
            parent.io.text.println(Json.write(m));
        } else {
            parent.io.err.printf(Locale.ROOT, "exported %s to %s: %s graph (%s), %,d parameters, %,d bytes%n", modelPath,
                    toStdout ? "standard output" : onnx, r.graph(), String.join(", ", r.operators()), r.parameters(), r.bytes().length);
        }
        return Main.OK;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            throw new UserException("cannot compare " + a + " with " + b + ": " + e.getMessage(), null, e);
        }
    }
}
