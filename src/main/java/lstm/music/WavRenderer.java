package lstm.music;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import lstm.io.UserException;

/**
 * Renders a note sequence to a 16-bit stereo WAV file with the JDK's own software synthesizer
 * (Gervill), faster than real time and without an audio device, using its default sounds or a
 * SoundFont (.sf2, e.g. Debian's /usr/share/sounds/sf2/FluidR3_GM.sf2).
 *
 * <p>The JDK has no public API to pull audio out of a synthesizer: this is the one class that uses
 * an internal one, {@code com.sun.media.sound.AudioSynthesizer.openStream}, which the synthesizer
 * returned by {@code MidiSystem.getSynthesizer()} implements. It is called by reflection, and the
 * JVM must export the package: {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}
 * (the jar's manifest and the test configuration do so).
 */
public final class WavRenderer {
    private static final String AUDIO_SYNTHESIZER = "com.sun.media.sound.AudioSynthesizer";

    /** soundFont: an .sf2 file, or null for Gervill's default sounds; tailSeconds: time after the last note for it to fade. */
    public record Options(Path soundFont, float sampleRate, double tailSeconds) {
        public static final Options DEFAULT = new Options(null, 44_100f, 1.0);
    }

    private WavRenderer() {}

    /** Writes the notes, played on General MIDI instrument {@code program} (0-127), as WAV. */
    public static void render(NoteSequence notes, int program, Options options, OutputStream out) throws IOException {
        if (program < 0 || program > 127) throw new IllegalArgumentException("program " + program + " outside 0..127");
        AudioFormat format = new AudioFormat(options.sampleRate(), 16, 2, true, false);
        Synthesizer synth;
        try {
            synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new UserException("no MIDI synthesizer in this Java runtime: " + e.getMessage(), "use a full JDK, or leave out --wav");
        }
        try {
            AudioInputStream stream = openStream(synth, format, options.soundFont() == null);
            if (options.soundFont() != null) loadSoundFont(synth, options.soundFont());
            Receiver receiver = synth.getReceiver();
            send(receiver, new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0), 0);
            // every event goes in now, stamped with its time: the synthesizer plays it when its
            // rendering reaches that time, however fast the rendering runs
            for (Note n : notes.onGrid(1000).notes()) {
                send(receiver, new ShortMessage(ShortMessage.NOTE_ON, 0, n.pitch(), n.velocity()), n.start());
                send(receiver, new ShortMessage(ShortMessage.NOTE_OFF, 0, n.pitch(), 0), n.end());
            }
            long frames = Math.round((notes.duration() + options.tailSeconds()) * format.getFrameRate());
            AudioSystem.write(new AudioInputStream(stream, format, frames), AudioFileFormat.Type.WAVE, out);
        } catch (InvalidMidiDataException | MidiUnavailableException e) {
            throw new IllegalStateException("synthesizer refused a valid note", e);
        } finally {
            synth.close();
        }
    }

    private static void send(Receiver receiver, MidiMessage message, double seconds) {
        receiver.send(message, Math.round(seconds * 1e6));
    }

    /** AudioSynthesizer.openStream(format, info): opens the synthesizer as a stream of samples. */
    private static AudioInputStream openStream(Synthesizer synth, AudioFormat format, boolean defaultSounds) throws MidiUnavailableException {
        Map<String, Object> info = new HashMap<>();
        info.put("load default soundbank", defaultSounds);
        try {
            Class<?> audioSynthesizer = Class.forName(AUDIO_SYNTHESIZER);
            if (!audioSynthesizer.isInstance(synth)) {
                throw new UserException("this Java runtime's synthesizer (" + synth.getClass().getName() + ") cannot render to a file", "use a JDK with Gervill, such as OpenJDK");
            }
            Method open = audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) open.invoke(synth, format, info);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new UserException("this Java runtime has no Gervill synthesizer to render audio", "use OpenJDK 17 or later");
        } catch (IllegalAccessException e) {
            throw new UserException("rendering audio needs the JVM option --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED",
                    "run through bin/lstm or java -jar target/lstm.jar, which set it");
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof MidiUnavailableException m) throw m;
            throw new IllegalStateException("the synthesizer failed to open", e.getCause());
        }
    }

    private static void loadSoundFont(Synthesizer synth, Path file) throws IOException {
        Soundbank bank;
        try {
            bank = MidiSystem.getSoundbank(new File(file.toString()));
        } catch (InvalidMidiDataException e) {
            throw new UserException("cannot read SoundFont " + file + ": " + e.getMessage(), "give an .sf2 or .dls file");
        } catch (java.io.FileNotFoundException e) {
            throw new UserException("cannot read SoundFont " + file + ": no such file", "check the path");
        }
        if (!synth.loadAllInstruments(bank)) throw new UserException("the synthesizer cannot use SoundFont " + file, "give another .sf2 file, or leave out --soundfont");
    }
}
