package lstm.music;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import lstm.io.UserException;

/**
 * Reads MIDI files (SMF type 0 and 1, through javax.sound.midi) into note sequences: every track
 * and channel merged, times in seconds through the tempo map, note-on with velocity 0 taken as
 * note-off, the sustain pedal (CC64) applied and the drum channel (10) dropped unless the options
 * say otherwise. A file that cannot be read is skipped with its reason (or, in strict mode, stops
 * the reading); nothing is printed here.
 */
public final class MidiReader {
    public static final int DRUM_CHANNEL = 9;
    private static final int SUSTAIN_PEDAL = 64;

    /** keepDrums: read channel 10 too; sustain: apply the pedal; strict: fail on the first bad file. */
    public record Options(boolean keepDrums, boolean sustain, boolean strict) {
        public static final Options DEFAULT = new Options(false, true, false);
    }

    /** One file's notes, and the time it spends at each tempo. */
    public record Piece(Path path, NoteSequence notes, TempoUse tempo) {
        public Piece(Path path, NoteSequence notes) {
            this(path, notes, TempoUse.NONE);
        }
    }

    /** A MIDI file's notes and the time it spends at each tempo. */
    public record Timed(NoteSequence notes, TempoUse tempo) {}

    public record Skipped(Path path, String reason) {
        /** The one line to show for it: "skipped PATH: REASON". */
        public String line() {
            return "skipped " + path + ": " + reason;
        }
    }

    /** What a read produced: the pieces in file order and the files skipped, with reasons. */
    public record Result(List<Piece> pieces, List<Skipped> skipped) {
        public long noteCount() {
            return pieces.stream().mapToLong(p -> p.notes().size()).sum();
        }

        /** The summed duration of all pieces, in seconds. */
        public double seconds() {
            return pieces.stream().mapToDouble(p -> p.notes().duration()).sum();
        }

        /** One line such as "1034 files read, 0 skipped, 196961 notes, 14:51:03". */
        public String summary() {
            long s = Math.round(seconds());
            return String.format(Locale.ROOT, "%d files read, %d skipped, %d notes, %d:%02d:%02d",
                    pieces.size(), skipped.size(), noteCount(), s / 3600, s / 60 % 60, s % 60);
        }
    }

    private final Options options;

    public MidiReader(Options options) {
        this.options = options;
    }

    /**
     * Reads the given files and folders (folders recursively: every .mid and .midi file, in sorted
     * path order). Throws UserException for an input that does not exist, when no MIDI file is
     * found, and in strict mode for the first file that cannot be read.
     */
    public Result read(List<Path> inputs) {
        List<Piece> pieces = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path file : midiFiles(inputs)) {
            try {
                Timed timed = readTimed(Files.readAllBytes(file));
                pieces.add(new Piece(file, timed.notes(), timed.tempo()));
            } catch (MidiFormatException | IOException e) {
                String reason = e instanceof MidiFormatException ? e.getMessage() : "cannot read: " + e;
                if (options.strict()) throw new UserException(file + ": " + reason, "without strict mode such files are skipped");
                skipped.add(new Skipped(file, reason));
            }
        }
        return new Result(pieces, skipped);
    }

    /** The MIDI files named by the inputs: files as given, folders walked for .mid and .midi. */
    public static List<Path> midiFiles(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    List<Path> found = walk.filter(p -> Files.isRegularFile(p) && isMidiName(p))
                            .sorted(Comparator.comparing(Path::toString)).toList();
                    if (found.isEmpty()) throw new UserException("no .mid or .midi files in " + input, "give a folder of MIDI files");
                    files.addAll(found);
                } catch (IOException e) {
                    throw new UserException("cannot list " + input + ": " + UserException.reason(e), "check its permissions");
                }
            } else if (Files.exists(input)) {
                files.add(input);
            } else {
                throw new UserException("cannot read " + input + ": no such file or folder", "check the path");
            }
        }
        return files;
    }

    private static boolean isMidiName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mid") || name.endsWith(".midi");
    }

    /** One MIDI file's notes; the reason when the bytes are not a readable type 0 or 1 file. */
    public NoteSequence read(byte[] bytes) throws MidiFormatException {
        return readTimed(bytes).notes();
    }

    /** One MIDI file's notes and tempi; the reason when the bytes are not a readable type 0 or 1 file. */
    public Timed readTimed(byte[] bytes) throws MidiFormatException {
        // javax.sound.midi trusts the lengths in the file (huge arrays, odd exceptions on bad ones):
        // our own parser checks every length against the bytes first.
        SmfFile smf = SmfParser.parse(bytes);
        if (smf.format() == 2) throw new MidiFormatException("SMF type 2 (independent sequences) is not supported");
        boolean smpte = (smf.division() & 0x8000) != 0; // frames per second and ticks per frame
        if ((smpte ? smf.division() & 0xFF : smf.division()) == 0) throw new MidiFormatException("a time division of 0 ticks");
        checkDataBytes(smf);
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new MidiFormatException("javax.sound.midi cannot read it: " + e, e);
        }
        NoteSequence notes = notes(sequence);
        if (notes.size() == 0) {
            throw new MidiFormatException(hasDrumNotes(smf) && !options.keepDrums()
                    ? "no notes outside the drum channel 10 (keep drums to read them)" : "no notes");
        }
        return new Timed(notes, TempoUse.of(sequence));
    }

    /** A channel message's data bytes are 7-bit; a larger one is a status byte out of place. */
    private static void checkDataBytes(SmfFile smf) throws MidiFormatException {
        for (int t = 0; t < smf.tracks().size(); t++) {
            for (SmfEvent e : smf.tracks().get(t)) {
                if (!e.isChannelMessage()) continue;
                for (int b : e.data()) {
                    if (b > 127) throw new MidiFormatException("track " + (t + 1) + " at tick " + e.tick() + ": data byte " + b + " above 127");
                }
            }
        }
    }

    private static boolean hasDrumNotes(SmfFile smf) {
        for (List<SmfEvent> track : smf.tracks()) {
            for (SmfEvent e : track) if ((e.status() & 0xF0) == ShortMessage.NOTE_ON && (e.status() & 0x0F) == DRUM_CHANNEL) return true;
        }
        return false;
    }

    /** The notes of a sequence, all tracks merged in time order (file order within a tick). */
    NoteSequence notes(Sequence sequence) {
        List<MidiEvent> events = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) events.add(track.get(i));
        }
        events.sort(Comparator.comparingLong(MidiEvent::getTick)); // stable: keeps track and file order
        NoteTracker tracker = new NoteTracker(TempoMap.of(sequence));
        for (MidiEvent event : events) {
            if (!(event.getMessage() instanceof ShortMessage m)) continue;
            if (m.getChannel() == DRUM_CHANNEL && !options.keepDrums()) continue;
            long tick = event.getTick();
            int command = m.getCommand();
            if (command == ShortMessage.NOTE_ON && m.getData2() > 0) {
                tracker.noteOn(m.getChannel(), m.getData1(), m.getData2(), tick);
            } else if (command == ShortMessage.NOTE_ON || command == ShortMessage.NOTE_OFF) {
                tracker.noteOff(m.getChannel(), m.getData1(), tick);
            } else if (command == ShortMessage.CONTROL_CHANGE && m.getData1() == SUSTAIN_PEDAL && options.sustain()) {
                tracker.pedal(m.getChannel(), m.getData2() >= 64, tick);
            }
        }
        return tracker.finish(sequence.getTickLength());
    }

    /** Pairs note-ons with note-offs per channel and pitch, holding released notes while the pedal is down. */
    private static final class NoteTracker {
        private final TempoMap tempo;
        private final long[][] startTick = new long[16][128];
        private final int[][] velocity = new int[16][128];   // 0: not sounding
        private final boolean[][] released = new boolean[16][128]; // key up, held by the pedal
        private final boolean[] pedalDown = new boolean[16];
        private final List<Note> notes = new ArrayList<>();

        NoteTracker(TempoMap tempo) {
            this.tempo = tempo;
        }

        void noteOn(int channel, int pitch, int vel, long tick) {
            if (velocity[channel][pitch] > 0) end(channel, pitch, tick); // struck again: the old note stops
            startTick[channel][pitch] = tick;
            velocity[channel][pitch] = vel;
        }

        void noteOff(int channel, int pitch, long tick) {
            if (velocity[channel][pitch] == 0) return;
            if (pedalDown[channel]) released[channel][pitch] = true;
            else end(channel, pitch, tick);
        }

        void pedal(int channel, boolean down, long tick) {
            pedalDown[channel] = down;
            if (down) return;
            for (int pitch = 0; pitch < 128; pitch++) if (released[channel][pitch]) end(channel, pitch, tick);
        }

        private void end(int channel, int pitch, long tick) {
            notes.add(new Note(pitch, velocity[channel][pitch], tempo.seconds(startTick[channel][pitch]), tempo.seconds(tick)));
            velocity[channel][pitch] = 0;
            released[channel][pitch] = false;
        }

        /** Notes never released end with the sequence. */
        NoteSequence finish(long lastTick) {
            for (int channel = 0; channel < 16; channel++) {
                for (int pitch = 0; pitch < 128; pitch++) if (velocity[channel][pitch] > 0) end(channel, pitch, lastTick);
            }
            return new NoteSequence(notes);
        }
    }
}
