package lstm.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The training metrics CSV ({@code --log}): step, epoch, train_loss, val_loss, lr, grad_norm,
 * chars_per_s, elapsed_s. Appends to an existing log (a resumed run continues it).
 */
public final class MetricsLog implements AutoCloseable {
    public static final String[] COLUMNS = {"step", "epoch", "train_loss", "val_loss", "lr", "grad_norm", "chars_per_s", "elapsed_s"};
    private final Path path;
    private final CSVPrinter printer;

    public MetricsLog(Path path) {
        this.path = path;
        try {
            boolean fresh = !Files.exists(path) || Files.size(path) == 0;
            Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
            printer = new CSVPrinter(w, format);
            if (fresh) printer.printRecord((Object[]) COLUMNS);
            printer.flush();
        } catch (IOException e) {
            throw new UserException("cannot write the log " + path + ": " + UserException.reason(e), "check the disk and the folder's permissions", e);
        }
    }

    /** One row; a NaN (say, no validation at this step) is written as an empty field. */
    public void append(long step, double epoch, double trainLoss, double valLoss, double lr, double gradNorm,
                       double charsPerSecond, double elapsedSeconds) {
        try {
            printer.printRecord(step, fmt(epoch), fmt(trainLoss), fmt(valLoss), String.format(Locale.ROOT, "%.6g", lr),
                    fmt(gradNorm), String.format(Locale.ROOT, "%.1f", charsPerSecond), String.format(Locale.ROOT, "%.3f", elapsedSeconds));
            printer.flush();
        } catch (IOException e) {
            throw new UserException("cannot write the log " + path + ": " + UserException.reason(e), "free some space, or leave out --log", e);
        }
    }

    private static String fmt(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6f", x) : "";
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException ignored) {
            // every record was already flushed
        }
    }
}
