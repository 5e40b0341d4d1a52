package lstm.stats;

import java.util.Arrays;
import java.util.List;
import lstm.music.Note;
import lstm.music.NoteSequence;

/**
 * The statistics of one piece or of a set of pieces. Sequential quantities (intervals, onsets,
 * transitions) are taken within each piece; a set pools the counts of its pieces (so its
 * histograms are note-weighted and its rates are totals over totals).
 *
 * @param name                   the file, or "all" for a set
 * @param pieces                 how many pieces were pooled
 * @param notes                  note count (NC)
 * @param seconds                sounding span: first onset to last release, summed over pieces
 * @param beats                  that span in beats (quarter notes at each file's first tempo)
 * @param lowest                 lowest MIDI pitch
 * @param highest                highest MIDI pitch
 * @param pitchCount             distinct MIDI pitches used (PC)
 * @param pitchClassesUsed       distinct pitch classes used
 * @param pitchClassHistogram    share of notes per pitch class C..B (PCH)
 * @param pitchClassTransitions  share of transitions from one note's pitch class to the next's (PCTM), [from][to]
 * @param pitchInterval          mean absolute interval between consecutive notes, semitones (PI)
 * @param polyphony              mean number of notes sounding while any does
 * @param interOnset             mean time between consecutive distinct onsets, seconds (IOI)
 * @param noteLengthHistogram    share of notes per {@link NoteLength} class (NLH)
 * @param noteLengthTransitions  share of transitions between consecutive notes' length classes (NLTM)
 * @param velocity               mean velocity
 * @param key                    Krumhansl-Schmuckler key of the duration-weighted pitch classes
 * @param inKey                  share of notes whose pitch class is in that key's scale
 */
public record MusicStats(String name, int pieces, int notes, double seconds, double beats, int lowest, int highest,
        int pitchCount, int pitchClassesUsed, double[] pitchClassHistogram, double[][] pitchClassTransitions,
        double pitchInterval, double polyphony, double interOnset, double[] noteLengthHistogram,
        double[][] noteLengthTransitions, double velocity, KeyFinder.Key key, double inKey) {

    public int pitchRange() {
        return notes == 0 ? 0 : highest - lowest;
    }

    public double notesPerSecond() {
        return seconds > 0 ? notes / seconds : 0;
    }

    public double notesPerBeat() {
        return beats > 0 ? notes / beats : 0;
    }

    /** One piece, {@code beatSeconds} seconds to a quarter note. */
    public static MusicStats of(String name, NoteSequence piece, double beatSeconds) {
        Pool pool = new Pool();
        pool.add(piece, beatSeconds);
        return pool.stats(name);
    }

    /** A set: the pieces pooled. */
    public static MusicStats ofSet(String name, List<NoteSequence> pieces, double[] beatSeconds) {
        Pool pool = new Pool();
        for (int i = 0; i < pieces.size(); i++) pool.add(pieces.get(i), beatSeconds[i]);
        return pool.stats(name);
    }

    /** Sums over pieces; {@link #stats} turns them into shares and means. */
    private static final class Pool {
        int pieces, notes, lowest = 128, highest = -1;
        double seconds, beats, noteSeconds, soundingSeconds, velocitySum;
        final long[] pitches = new long[128];
        final double[] pitchClassSeconds = new double[12];
        final long[] pitchClasses = new long[12];
        final long[][] pcTransitions = new long[12][12];
        final long[] lengths = new long[NoteLength.CLASSES];
        final long[][] lengthTransitions = new long[NoteLength.CLASSES][NoteLength.CLASSES];
        long intervals, intervalSum, onsetGaps;
        double onsetGapSeconds;

        void add(NoteSequence piece, double beatSeconds) {
            List<Note> list = piece.notes();   // time order: by start, then pitch
            pieces++;
            if (list.isEmpty()) return;
            double first = list.get(0).start(), last = first;
            Note previous = null;
            int previousLength = -1;
            double previousOnset = Double.NaN;
            for (Note n : list) {
                notes++;
                pitches[n.pitch()]++;
                lowest = Math.min(lowest, n.pitch());
                highest = Math.max(highest, n.pitch());
                int pc = n.pitch() % 12;
                pitchClasses[pc]++;
                pitchClassSeconds[pc] += n.duration();
                noteSeconds += n.duration();
                velocitySum += n.velocity();
                last = Math.max(last, n.end());
                int length = NoteLength.classOf(n.duration() / beatSeconds);
                lengths[length]++;
                if (previous != null) {
                    pcTransitions[previous.pitch() % 12][pc]++;
                    lengthTransitions[previousLength][length]++;
                    intervals++;
                    intervalSum += Math.abs(n.pitch() - previous.pitch());
                }
                if (n.start() != previousOnset) {
                    if (!Double.isNaN(previousOnset)) {
                        onsetGaps++;
                        onsetGapSeconds += n.start() - previousOnset;
                    }
                    previousOnset = n.start();
                }
                previous = n;
                previousLength = length;
            }
            seconds += last - first;
            beats += (last - first) / beatSeconds;
            soundingSeconds += soundingTime(list);
        }

        /** The length of the union of the notes' intervals: the time at least one note sounds. */
        private static double soundingTime(List<Note> byStart) {
            double total = 0, start = Double.NaN, end = Double.NaN;
            for (Note n : byStart) {
                if (Double.isNaN(start) || n.start() > end) {
                    if (!Double.isNaN(start)) total += end - start;
                    start = n.start();
                    end = n.end();
                } else {
                    end = Math.max(end, n.end());
                }
            }
            return Double.isNaN(start) ? 0 : total + end - start;
        }

        MusicStats stats(String name) {
            int pitchCount = 0, classesUsed = 0;
            for (long p : pitches) if (p > 0) pitchCount++;
            for (long c : pitchClasses) if (c > 0) classesUsed++;
            KeyFinder.Key key = KeyFinder.find(pitchClassSeconds);
            long inKey = 0;
            for (int pc = 0; pc < 12; pc++) if (key.contains(pc)) inKey += pitchClasses[pc];
            return new MusicStats(name, pieces, notes, seconds, beats, notes == 0 ? 0 : lowest, notes == 0 ? 0 : highest,
                    pitchCount, classesUsed, shares(pitchClasses), shares(pcTransitions), ratio(intervalSum, intervals),
                    soundingSeconds > 0 ? noteSeconds / soundingSeconds : 0, onsetGaps == 0 ? 0 : onsetGapSeconds / onsetGaps,
                    shares(lengths), shares(lengthTransitions), ratio(velocitySum, notes), key, ratio(inKey, notes));
        }

        private static double ratio(double a, double b) {
            return b == 0 ? 0 : a / b;
        }

        private static double[] shares(long[] counts) {
            long total = Arrays.stream(counts).sum();
            double[] out = new double[counts.length];
            for (int i = 0; i < counts.length; i++) out[i] = ratio(counts[i], total);
            return out;
        }

        private static double[][] shares(long[][] counts) {
            long total = 0;
            for (long[] row : counts) total += Arrays.stream(row).sum();
            double[][] out = new double[counts.length][];
            for (int i = 0; i < counts.length; i++) {
                out[i] = new double[counts[i].length];
                for (int j = 0; j < counts[i].length; j++) out[i][j] = ratio(counts[i][j], total);
            }
            return out;
        }
    }
}
