package lstm.music;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Corrupt input never escapes as anything but a reason: every truncation and hundreds of random
 * byte changes of real files either read or fail with a MidiFormatException, without hanging
 * (javax.sound.midi alone may loop or allocate gigabytes on a bad length).
 */
class MidiFuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(60); // a hang guard, not a speed test
    private static final MidiReader READER = new MidiReader(MidiReader.Options.DEFAULT);

    /** Small real files when the corpora are there, and always the hand-made one with every event kind. */
    private static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(SmfWriter.write(MidiCsvTest.EVERY_KIND));
        for (String name : List.of("nottingham/xmas7.mid", "piano/chpn-p10.mid")) {
            Path file = TestMidi.CORPORA.resolve(name);
            if (Files.exists(file)) seeds.add(Files.readAllBytes(file));
        }
        return seeds;
    }

    /** Read as the trainer and as midi2csv do: a result, or a MidiFormatException with a reason. */
    private static boolean readsOrSkips(byte[] bytes, String what) {
        try {
            READER.read(bytes);
            MidiCsv.write(SmfParser.parse(bytes), new ByteArrayOutputStream());
            return true;
        } catch (MidiFormatException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) fail(what + ": no reason");
            return false;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    @Test
    void everyTruncationReadsOrIsSkippedWithAReason() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (byte[] seed : seeds()) {
                assertTrue(readsOrSkips(seed, "the whole file"));
                for (int length = 0; length < seed.length; length++) {
                    readsOrSkips(Arrays.copyOf(seed, length), "first " + length + " of " + seed.length + " bytes");
                }
            }
        });
    }

    @Test
    void randomByteChangesReadOrAreSkippedWithAReason() throws Exception {
        SplittableRandom random = new SplittableRandom(20261123);
        assertTimeoutPreemptively(LIMIT, () -> {
            int read = 0, skipped = 0;
            for (byte[] seed : seeds()) {
                for (int trial = 0; trial < 300; trial++) {
                    byte[] bytes = seed.clone();
                    int changes = 1 + random.nextInt(4);
                    for (int c = 0; c < changes; c++) bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    if (readsOrSkips(bytes, "trial " + trial)) read++;
                    else skipped++;
                }
            }
            // both outcomes occur: the changes do reach the parser
            assertTrue(read > 0 && skipped > 0, read + " read, " + skipped + " skipped");
        });
    }

    @Test
    void corruptMidicsvTextFailsWithALineNumber() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiCsv.write(MidiCsvTest.EVERY_KIND, out);
        byte[] text = out.toByteArray();
        SplittableRandom random = new SplittableRandom(7);
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int trial = 0; trial < 500; trial++) {
                byte[] bytes = trial < text.length ? Arrays.copyOf(text, trial) : text.clone();
                if (trial >= text.length) bytes[random.nextInt(bytes.length)] = (byte) " ,\"\\x9-\n#".charAt(random.nextInt(10));
                try {
                    MidiCsv.read(bytes);
                } catch (MidiFormatException e) {
                    assertTrue(e.getMessage().matches("(line \\d+: .+)|(no End_of_file record)|(no Header record)|(track \\d+ has no End_track)"
                            + "|(the Header announces .+)"), e.getMessage());
                } catch (Exception e) {
                    throw new AssertionError("trial " + trial + ": " + e, e);
                }
            }
        });
    }
}
