package lstm.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A piece as a list of notes in time order (by start, then pitch), all instruments and channels
 * merged: what the event codec encodes and the MIDI writer writes.
 */
public record NoteSequence(List<Note> notes) {
    private static final Comparator<Note> TIME_ORDER = Comparator.comparingDouble(Note::start)
            .thenComparingInt(Note::pitch).thenComparingDouble(Note::end);

    public NoteSequence {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(TIME_ORDER);
        notes = List.copyOf(sorted);
    }

    public int size() {
        return notes.size();
    }

    /** The end of the last note to end, in seconds (0 when empty). */
    public double duration() {
        double end = 0;
        for (Note n : notes) end = Math.max(end, n.end());
        return end;
    }

    /** The same notes, all at one velocity (1-127). */
    public NoteSequence withVelocity(int velocity) {
        List<Note> out = new ArrayList<>(notes.size());
        for (Note n : notes) out.add(new Note(n.pitch(), velocity, n.start(), n.end()));
        return new NoteSequence(out);
    }

    /** Every note moved by {@code semitones}; notes pushed outside 0..127 are dropped. */
    public NoteSequence transposed(int semitones) {
        List<Note> out = new ArrayList<>(notes.size());
        for (Note n : notes) {
            int pitch = n.pitch() + semitones;
            if (pitch >= 0 && pitch <= 127) out.add(new Note(pitch, n.velocity(), n.start(), n.end()));
        }
        return new NoteSequence(out);
    }

    /** Every time multiplied by {@code factor} (above 1 slower, below 1 faster). */
    public NoteSequence stretched(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) throw new IllegalArgumentException("stretch factor " + factor);
        List<Note> out = new ArrayList<>(notes.size());
        for (Note n : notes) out.add(new Note(n.pitch(), n.velocity(), n.start() * factor, n.end() * factor));
        return new NoteSequence(out);
    }

    /** The same notes moved earlier so that the first one starts at 0 (drops leading silence). */
    public NoteSequence startingAtZero() {
        if (notes.isEmpty() || notes.get(0).start() == 0) return this;
        double offset = notes.get(0).start();
        List<Note> out = new ArrayList<>(notes.size());
        for (Note n : notes) out.add(new Note(n.pitch(), n.velocity(), n.start() - offset, n.end() - offset));
        return new NoteSequence(out);
    }

    /**
     * The notes with their times rounded to a grid of {@code stepsPerSecond}, each at least one
     * step long, then {@link #withoutSamePitchOverlaps}: what MIDI ticks or codec steps can hold.
     */
    public NoteSequence onGrid(int stepsPerSecond) {
        List<Note> out = new ArrayList<>(notes.size());
        for (Note n : notes) {
            long start = Math.round(n.start() * stepsPerSecond);
            long end = Math.max(Math.round(n.end() * stepsPerSecond), start + 1);
            out.add(new Note(n.pitch(), n.velocity(), start / (double) stepsPerSecond, end / (double) stepsPerSecond));
        }
        return new NoteSequence(out).withoutSamePitchOverlaps();
    }

    /**
     * The same music with no two notes of one pitch sounding at once, as one MIDI channel (and the
     * event vocabulary) can express it: notes of a pitch that start together become one (the later
     * end, the louder velocity); a note still sounding when the next of its pitch starts ends there.
     */
    public NoteSequence withoutSamePitchOverlaps() {
        List<Note> byPitch = new ArrayList<>(notes);
        byPitch.sort(Comparator.comparingInt(Note::pitch).thenComparingDouble(Note::start).thenComparingDouble(Note::end));
        List<Note> out = new ArrayList<>(notes.size());
        Note previous = null;
        for (Note n : byPitch) {
            if (previous != null && previous.pitch() == n.pitch()) {
                if (n.start() == previous.start()) {
                    previous = new Note(n.pitch(), Math.max(n.velocity(), previous.velocity()), n.start(), Math.max(n.end(), previous.end()));
                    continue;
                }
                if (n.start() < previous.end()) previous = new Note(previous.pitch(), previous.velocity(), previous.start(), n.start());
            }
            if (previous != null) out.add(previous);
            previous = n;
        }
        if (previous != null) out.add(previous);
        return new NoteSequence(out);
    }
}
