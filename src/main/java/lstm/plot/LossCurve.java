package lstm.plot;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lstm.io.MetricsLog;
import lstm.io.UserException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The training and validation loss of one run, as read from the metrics CSV that {@link MetricsLog}
 * writes or as collected live during training. A resumed run restarts its clock; the curve keeps
 * time running, so the time axis is the total training time.
 */
public final class LossCurve {
    /** A loss at a step, {@code seconds} of training time after the start of the run. */
    public record Point(long step, double seconds, double loss) {}

    private final String name;
    private final List<Point> train = new ArrayList<>();
    private final List<Point> validation = new ArrayList<>();
    private double lastElapsed;
    private double sessionOffset;

    public LossCurve(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public List<Point> train() {
        return Collections.unmodifiableList(train);
    }

    public List<Point> validation() {
        return Collections.unmodifiableList(validation);
    }

    public boolean isEmpty() {
        return train.isEmpty() && validation.isEmpty();
    }

    /** One row of the log; a NaN loss (no validation at this step) adds no point. */
    public void add(long step, double elapsedSeconds, double trainLoss, double valLoss) {
        if (elapsedSeconds < lastElapsed) sessionOffset += lastElapsed;   // a resumed session started from 0 again
        lastElapsed = elapsedSeconds;
        double seconds = sessionOffset + elapsedSeconds;
        // An evaluation row may repeat the step of the regular row just before it: keep the first training loss.
        boolean repeated = !train.isEmpty() && train.get(train.size() - 1).step() == step;
        if (Double.isFinite(trainLoss) && !repeated) train.add(new Point(step, seconds, trainLoss));
        if (Double.isFinite(valLoss)) validation.add(new Point(step, seconds, valLoss));
    }

    /** Reads a metrics CSV; the curve is named after the file (without {@code .csv}). */
    public static LossCurve read(Path csv) {
        String file = csv.getFileName().toString();
        return read(csv, file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file);
    }

    public static LossCurve read(Path csv, String name) {
        LossCurve curve = new LossCurve(name);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : new String[] {"step", "train_loss", "val_loss", "elapsed_s"}) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new UserException(csv + " is not a metrics log: it has no '" + column + "' column",
                            "give a CSV written by 'lstm train --log'");
                }
            }
            for (CSVRecord row : parser) {
                try {
                    curve.add(Long.parseLong(row.get("step")), number(row.get("elapsed_s")),
                            number(row.get("train_loss")), number(row.get("val_loss")));
                } catch (NumberFormatException e) {
                    throw notALog(csv, row, "not a number: " + e.getMessage());
                } catch (IllegalArgumentException e) {   // a short row
                    throw notALog(csv, row, row.size() + " fields where the header has " + parser.getHeaderMap().size());
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserException("no such file: " + csv, "check the path");
        } catch (IOException | UncheckedIOException e) {
            throw new UserException("cannot read " + csv + ": " + UserException.reason(e), "check the path and its permissions", e);
        }
        return curve;
    }

    private static UserException notALog(Path csv, CSVRecord row, String what) {
        return new UserException(csv + " line " + (row.getRecordNumber() + 1) + ": " + what, "give a CSV written by 'lstm train --log'");
    }

    private static double number(String field) {
        return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
    }
}
