package lstm.poly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lstm.io.UserException;

/**
 * Finds the pieces in the files and folders given on the command line. Piano-roll CSV files are
 * read here; MIDI files need the MIDI ingest of {@code lstm.music} (TODO: once it is merged, turn
 * each MIDI file into frames on a 16th-note grid here, with articulation from the note-ons).
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
                        else if (isMidi(f)) throw midiNotYet(f);
                    }
                } catch (java.io.IOException e) {
                    throw new UserException("cannot read " + path + ": " + e.getMessage(), "check the path");
                }
            } else if (!Files.exists(path)) {
                throw new UserException(p + " does not exist", "check the path");
            } else if (isMidi(path)) {
                throw midiNotYet(path);
            } else {
                pieces.addAll(FrameCsv.read(path));
            }
        }
        if (pieces.isEmpty()) throw new UserException("no pieces found in " + String.join(", ", paths), "give piano-roll CSV files");
        return pieces;
    }

    private static boolean isCsv(Path f) {
        return f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    private static boolean isMidi(Path f) {
        String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi");
    }

    private static UserException midiNotYet(Path f) {
        return new UserException(f + ": MIDI input for roll and biaxial models needs the MIDI ingest, which this build does not have yet",
                "convert it to a piano-roll CSV (piece_id,step,pitches)");
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
