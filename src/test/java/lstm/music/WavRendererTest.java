package lstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import lstm.io.UserException;
import org.junit.jupiter.api.Test;

class WavRendererTest {
    private static final NoteSequence TUNE = new NoteSequence(List.of(
            new Note(60, 100, 0.5, 1.0), new Note(64, 100, 1.0, 1.5), new Note(67, 100, 1.5, 2.0)));
    private static final float RATE = 22_050f;

    /** Root mean square of the 16-bit samples in [from, to) seconds. */
    private static double rms(AudioInputStream audio, byte[] pcm, double from, double to) {
        AudioFormat f = audio.getFormat();
        int frameSize = f.getFrameSize();
        int first = (int) (from * f.getFrameRate()) * frameSize, last = Math.min(pcm.length, (int) (to * f.getFrameRate()) * frameSize);
        double sum = 0;
        int n = 0;
        for (int i = first; i + 1 < last; i += 2, n++) {
            short sample = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / Math.max(n, 1));
    }

    private static void renderAndCheck(WavRenderer.Options options) throws Exception {
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        WavRenderer.render(TUNE, 0, options, wav);
        AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav.toByteArray()));
        AudioFormat f = audio.getFormat();
        assertEquals(RATE, f.getSampleRate());
        assertEquals(2, f.getChannels());
        assertEquals(16, f.getSampleSizeInBits());
        byte[] pcm = audio.readAllBytes();
        assertEquals(Math.round((TUNE.duration() + options.tailSeconds()) * RATE), pcm.length / f.getFrameSize());
        double before = rms(audio, pcm, 0, 0.45), during = rms(audio, pcm, 0.55, 2.0);
        assertTrue(during > 300, "the notes sound: rms " + during);
        assertTrue(before < during / 100, "silence before the first note: rms " + before + " against " + during);
    }

    @Test
    void rendersAudibleNotesWithTheDefaultSounds() throws Exception {
        renderAndCheck(new WavRenderer.Options(null, RATE, 0.5));
    }

    @Test
    void rendersWithASoundFontWhenOneIsInstalled() throws Exception {
        // Debian: timgm6mb-soundfont (small) or fluid-soundfont-gm provide default-GM.sf2
        Path soundFont = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");
        if (!Files.exists(soundFont)) soundFont = Path.of("/usr/share/sounds/sf2/default-GM.sf2");
        assumeTrue(Files.exists(soundFont), "no SoundFont installed");
        renderAndCheck(new WavRenderer.Options(soundFont, RATE, 0.5));
    }

    @Test
    void aMissingSoundFontIsAUserError(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("none.sf2");
        UserException e = assertThrows(UserException.class,
                () -> WavRenderer.render(TUNE, 0, new WavRenderer.Options(missing, RATE, 0.5), new ByteArrayOutputStream()));
        assertEquals("cannot read SoundFont " + missing + ": no such file (check the path)", e.userMessage());
    }
}
