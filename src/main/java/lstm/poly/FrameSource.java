package lstm.poly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import lstm.io.UserException;
import lstm.music.MidiFormatException;
import lstm.music.TempoUse;
import lstm.music.TimeGrid;

/**
 * Finds the pieces in the files and folders given on the command line: piano-roll CSV files
 * (on their own grid) and MIDI files (on a 16th-note grid, see {@link FrameMidi#read}); folders
 * are walked in sorted path order. A file that cannot be read stops the reading with its reason.
 *
 * <p>The pieces' time grid, which a model trained on them records: 16th notes at the median tempo
 * of the MIDI files, weighted by time when there are MIDI files; otherwise (piano-roll CSV only) a
 * step counts as a quarter note, and there is no tempo.
 */
public final class FrameSource {
    private FrameSource() {}

    /** The pieces of the files and folders, and their time grid. */
    public record Corpus(List<Piece> pieces, TimeGrid grid, boolean fromMidi) {}

    public static List<Piece> read(List<String> paths) {
        return readCorpus(paths, FrameMidi.STEPS_PER_QUARTER).pieces();
    }

    public static Corpus readCorpus(List<String> paths) {
        return readCorpus(paths, FrameMidi.STEPS_PER_QUARTER);
    }

    /** The pieces, MIDI files read on a grid of {@code stepsPerQuarter} steps a quarter note. */
    public static Corpus readCorpus(List<String> paths, int stepsPerQuarter) {
        List<Piece> pieces = new ArrayList<>();
        List<TempoUse> tempi = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        if (isCsv(f)) pieces.addAll(FrameCsv.read(f));
                        else if (isMidi(f)) pieces.add(midi(f, stepsPerQuarter, tempi));
                    }
                } catch (java.io.IOException e) {
                    throw new UserException("cannot read " + path + ": " + e.getMessage(), "check the path");
                }
            } else if (!Files.exists(path)) {
                throw new UserException(p + " does not exist", "check the path");
            } else if (isMidi(path)) {
                pieces.add(midi(path, stepsPerQuarter, tempi));
            } else {
                pieces.addAll(FrameCsv.read(path));
            }
        }
        if (pieces.isEmpty()) throw new UserException("no pieces found in " + String.join(", ", paths), "give piano-roll CSV or MIDI files");
        boolean fromMidi = !tempi.isEmpty();
        OptionalDouble bpm = TempoUse.sum(tempi).bpm();
        TimeGrid grid = TimeGrid.beats(fromMidi ? stepsPerQuarter : 1, bpm.isPresent() ? bpm.getAsDouble() : null, Keyboard.LOWEST, Keyboard.HIGHEST);
        return new Corpus(pieces, grid, fromMidi);
    }

    private static boolean isCsv(Path f) {
        return f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    private static boolean isMidi(Path f) {
        String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi");
    }

    private static Piece midi(Path f, int stepsPerQuarter, List<TempoUse> tempi) {
        try {
            FrameMidi.Timed timed = FrameMidi.read(f.toString(), Files.readAllBytes(f), stepsPerQuarter);
            tempi.add(timed.tempo());
            return timed.piece();
        } catch (MidiFormatException e) {
            throw new UserException(f + ": " + e.getMessage(), "leave the file out");
        } catch (java.io.IOException e) {
            throw new UserException("cannot read " + f + ": " + e.getMessage(), "check the path");
        }
    }

    /** A short hash of the frames, so a resumed run can tell other data. */
    public static String fingerprint(List<Piece> pieces) {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Piece piece : pieces) {
            for (int t = 0; t < piece.steps(); t++) {
                for (int k = 0; k < Keyboard.KEYS; k++) {
                    digest.update((byte) ((piece.play()[t][k] ? 1 : 0) | (piece.articulate()[t][k] ? 2 : 0)));
                }
            }
            digest.update((byte) 0xFF);
        }
        return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }
}
