package lstm.poly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lstm.io.UserException;
import lstm.music.MidiFormatException;

/**
 * Finds the pieces in the files and folders given on the command line: piano-roll CSV files
 * (on their own grid) and MIDI files (on a 16th-note grid, see {@link FrameMidi#read}); folders
 * are walked in sorted path order. A file that cannot be read stops the reading with its reason.
 */
public final class FrameSource {
    private FrameSource() {}

    public static List<Piece> read(List<String> paths) {
        List<Piece> pieces = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        if (isCsv(f)) pieces.addAll(FrameCsv.read(f));
                        else if (isMidi(f)) pieces.add(midi(f));
                    }
                } catch (java.io.IOException e) {
                    throw new UserException("cannot read " + path + ": " + e.getMessage(), "check the path");
                }
            } else if (!Files.exists(path)) {
                throw new UserException(p + " does not exist", "check the path");
            } else if (isMidi(path)) {
                pieces.add(midi(path));
            } else {
                pieces.addAll(FrameCsv.read(path));
            }
        }
        if (pieces.isEmpty()) throw new UserException("no pieces found in " + String.join(", ", paths), "give piano-roll CSV or MIDI files");
        return pieces;
    }

    private static boolean isCsv(Path f) {
        return f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    private static boolean isMidi(Path f) {
        String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi");
    }

    private static Piece midi(Path f) {
        try {
            return FrameMidi.read(f.toString(), Files.readAllBytes(f));
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
