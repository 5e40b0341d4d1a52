package lstm.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lstm.music.MidiFormatException;
import lstm.music.MidiReader;
import lstm.music.NoteSequence;
import lstm.music.SmfEvent;
import lstm.music.SmfFile;
import lstm.music.SmfParser;

/**
 * The MIDI pieces named by files and folders, each with its beat (from the file's first tempo),
 * and the files that could not be read, with reasons.
 */
public record MidiSet(List<Piece> pieces, List<MidiReader.Skipped> skipped) {
    /** The MIDI default when a file sets no tempo: 120 quarter notes a minute. */
    static final double DEFAULT_BEAT_SECONDS = 0.5;

    public record Piece(Path path, NoteSequence notes, double beatSeconds) {}

    /** Reads every .mid/.midi file of the inputs (folders recursively); unreadable files are skipped. */
    public static MidiSet read(List<Path> inputs) {
        MidiReader.Result result = new MidiReader(MidiReader.Options.DEFAULT).read(inputs);
        List<Piece> pieces = new ArrayList<>();
        List<MidiReader.Skipped> skipped = new ArrayList<>(result.skipped());
        for (MidiReader.Piece p : result.pieces()) {
            try {
                pieces.add(new Piece(p.path(), p.notes(), beatSeconds(Files.readAllBytes(p.path()))));
            } catch (IOException | MidiFormatException e) {
                skipped.add(new MidiReader.Skipped(p.path(), "cannot read it again: " + e.getMessage()));
            }
        }
        return new MidiSet(pieces, skipped);
    }

    public List<NoteSequence> notes() {
        return pieces.stream().map(Piece::notes).toList();
    }

    public double[] beatSeconds() {
        return pieces.stream().mapToDouble(Piece::beatSeconds).toArray();
    }

    /** Seconds per quarter note at the file's first tempo (the earliest Set Tempo event of any track). */
    static double beatSeconds(byte[] midi) throws MidiFormatException {
        SmfFile smf = SmfParser.parse(midi);
        if ((smf.division() & 0x8000) != 0) return DEFAULT_BEAT_SECONDS;   // SMPTE time has no beat
        long firstTick = Long.MAX_VALUE;
        int tempo = -1;
        for (List<SmfEvent> track : smf.tracks()) {
            for (SmfEvent e : track) {
                if (e.isMeta() && e.metaType() == SmfEvent.TEMPO && e.data().length >= 3 && e.tick() < firstTick) {
                    int t = (e.data()[0] << 16) | (e.data()[1] << 8) | e.data()[2];
                    if (t > 0) {
                        firstTick = e.tick();
                        tempo = t;
                    }
                }
            }
        }
        return tempo > 0 ? tempo / 1e6 : DEFAULT_BEAT_SECONDS;
    }
}
