package lstm.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lstm.music.MidiWriter;
import lstm.music.Note;
import lstm.music.NoteSequence;

/** MIDI files with known statistics, written through the project's own MidiWriter. */
public final class StatsMidi {
    /** C4 D4 E4 F4 G4 A4 B4 C5. */
    public static final int[] C_MAJOR_SCALE = {60, 62, 64, 65, 67, 69, 71, 72};
    /** The real-corpus folder the comparison tests use when present. */
    public static final Path NOTTINGHAM = Path.of("../shared/corpora/midi/nottingham_melody");

    private StatsMidi() {}

    /** One note after another, each {@code seconds} long, velocity 80. */
    public static NoteSequence melody(double seconds, int... pitches) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) notes.add(new Note(pitches[i], 80, i * seconds, (i + 1) * seconds));
        return new NoteSequence(notes);
    }

    /** All pitches together from 0 to {@code seconds}, velocity 100. */
    public static NoteSequence chord(double seconds, int... pitches) {
        List<Note> notes = new ArrayList<>();
        for (int p : pitches) notes.add(new Note(p, 100, 0, seconds));
        return new NoteSequence(notes);
    }

    public static Path write(Path file, NoteSequence notes, double bpm) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            MidiWriter.write(notes, new MidiWriter.Options(bpm, 0), out);
        }
        return file;
    }

    /** Notes at random: pitches 30-100 uniform, onsets and lengths 0.05-1.5 s, up to three at once. */
    public static NoteSequence randomNotes(Random random, int count) {
        List<Note> notes = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < count; i++) {
            if (random.nextInt(3) > 0) t += 0.05 + random.nextDouble() * 0.6;
            double length = 0.05 + random.nextDouble() * 1.45;
            notes.add(new Note(30 + random.nextInt(71), 1 + random.nextInt(127), t, t + length));
        }
        return new NoteSequence(notes);
    }

    /** A tune-like melody: a walk of steps and small leaps on the C major scale, in quarters and eighths at 120 BPM. */
    public static NoteSequence tonalMelody(Random random, int count) {
        int[] scale = {0, 2, 4, 5, 7, 9, 11};
        int degree = 7;   // C5 = 7 degrees above C4
        List<Note> notes = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < count; i++) {
            degree = Math.max(0, Math.min(13, degree + random.nextInt(5) - 2));
            int pitch = 60 + 12 * (degree / 7) + scale[degree % 7];
            double length = random.nextBoolean() ? 0.5 : 0.25;
            notes.add(new Note(pitch, 90, t, t + length));
            t += length;
        }
        return new NoteSequence(notes);
    }
}
