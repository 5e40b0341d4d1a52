package lstm.poly;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lstm.io.UserException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the piano-roll CSV of the shared corpora: header {@code piece_id,step,pitches}, one row
 * per time step, {@code pitches} the MIDI notes sounding, space-separated (empty = rest). Steps
 * of a piece must run 0, 1, 2, ... in order; pieces keep the order of their first row.
 */
public final class FrameCsv {
    private FrameCsv() {}

    public static List<Piece> read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), "check the path");
        }
    }

    public static List<Piece> read(Reader in, String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        Map<String, List<boolean[]>> pieces = new LinkedHashMap<>();
        for (CSVRecord row : format.parse(in)) {
            String where = name + " line " + (row.getRecordNumber() + 1);
            if (!row.isConsistent() || !row.isMapped("pitches")) {
                throw new UserException(where + ": expected the columns piece_id,step,pitches", "give a piano-roll CSV");
            }
            List<boolean[]> frames = pieces.computeIfAbsent(row.get("piece_id"), id -> new ArrayList<>());
            int step = parseInt(row.get("step"), where);
            if (step != frames.size()) {
                throw new UserException(where + ": step " + step + " of piece " + row.get("piece_id") + " should be " + frames.size(),
                        "rows of a piece must be in step order 0, 1, 2, ...");
            }
            boolean[] frame = new boolean[Keyboard.KEYS];
            String pitches = row.get("pitches").trim();
            if (!pitches.isEmpty()) {
                for (String p : pitches.split(" +")) {
                    int note = parseInt(p, where);
                    if (note < Keyboard.LOWEST || note > Keyboard.HIGHEST) {
                        throw new UserException(where + ": pitch " + note + " is off the piano keyboard (21-108)", "fix or drop the note");
                    }
                    frame[Keyboard.key(note)] = true;
                }
            }
            frames.add(frame);
        }
        List<Piece> out = new ArrayList<>();
        pieces.forEach((id, frames) -> out.add(Piece.fromRoll(name + "#" + id, frames.toArray(new boolean[0][]))));
        if (out.isEmpty()) throw new UserException(name + " has no frames", "give a piano-roll CSV with rows");
        return out;
    }

    private static int parseInt(String s, String where) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new UserException(where + ": '" + s + "' is not a whole number", "give a piano-roll CSV");
        }
    }
}
