package lstm.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lstm.linalg.JavaEngine;
import lstm.linalg.Rng;
import lstm.music.EventCodec;
import lstm.music.Note;
import lstm.music.NoteSequence;
import lstm.nn.CellType;
import lstm.nn.Network;
import lstm.nn.NetworkConfig;
import org.junit.jupiter.api.Test;

/** Composition guards on an untrained (random) model, which left alone drones, holds and falls silent. */
class EventComposerTest {
    static final EventCodec CODEC = new EventCodec(new EventCodec.Options(false, 2.0, 80));

    static Network randomNetwork(long seed) {
        Network net = new Network(new NetworkConfig(CellType.LSTM, CODEC.vocabularySize(), 16, 1, 0, 0f), new JavaEngine());
        net.initialize(new Rng(seed));
        return net;
    }

    static EventComposer.Options options(long seed, double maxSilence, int maxRepeats) {
        return new EventComposer.Options(20, 1.5f, 0, 1f, seed, maxSilence, maxRepeats);
    }

    @Test
    void sameSeedSameEventsOtherSeedOtherEvents() {
        EventComposer composer = new EventComposer(randomNetwork(1), CODEC);
        EventComposer.Result a = composer.compose(new int[0], options(7, 1.0, 4));
        EventComposer.Result b = composer.compose(new int[0], options(7, 1.0, 4));
        EventComposer.Result c = composer.compose(new int[0], options(8, 1.0, 4));
        assertArrayEquals(a.composed(), b.composed());
        assertTrue(!java.util.Arrays.equals(a.composed(), c.composed()));
    }

    @Test
    void guardsHoldSilenceHoldAndRepeats() {
        for (long seed = 1; seed <= 4; seed++) {
            EventComposer.Result r = new EventComposer(randomNetwork(seed), CODEC).compose(new int[0], options(seed, 1.0, 3));
            NoteSequence notes = r.notes(CODEC, false);
            assertTrue(notes.size() > 0, "seed " + seed);
            assertEquals(20.0, r.steps() * EventCodec.STEP_SECONDS, 1e-9);
            double soundUntil = 0;
            for (Note n : notes.notes()) {
                assertTrue(n.duration() <= 2.0 + 1e-9, "held past the limit: " + n);
                assertTrue(n.end() <= 20.0 + 1e-9, "past the end: " + n);
                // a silence ends within one time shift (at most 1 s) of the limit
                assertTrue(n.start() - soundUntil <= 1.0 + 1.0 + 1e-9, "silence before " + n + " from " + soundUntil);
                soundUntil = Math.max(soundUntil, n.end());
            }
            int run = 0, last = -1;
            for (int t : r.composed()) {
                if (t >= EventCodec.NOTE_OFF) continue;
                run = t == last ? run + 1 : 1;
                last = t;
                assertTrue(run <= 3, "pitch " + t + " struck " + run + " times in a row");
            }
        }
    }

    @Test
    void primerOpensTheMusicCutAtItsLength() {
        List<Note> tune = new ArrayList<>();
        for (int i = 0; i < 12; i++) tune.add(new Note(60 + i, 80, 1.0 + 0.5 * i, 1.0 + 0.5 * i + 0.6));
        int[] primer = EventComposer.primer(CODEC, new NoteSequence(tune), 3.0);
        assertEquals(300, EventComposer.steps(primer));
        EventComposer.Result r = new EventComposer(randomNetwork(3), CODEC).compose(primer, options(3, 1.0, 4));
        NoteSequence with = r.notes(CODEC, true);
        // leading silence dropped: notes at 0, 0.5, ... 2.5, the last cut at 3.0
        for (int i = 0; i < 6; i++) {
            Note n = with.notes().stream().filter(x -> x.start() < 3.0).toList().get(i);
            assertEquals(60 + i, n.pitch());
            assertEquals(0.5 * i, n.start(), 1e-9);
            assertEquals(Math.min(0.5 * i + 0.6, 3.0), n.end(), 1e-9);
        }
        assertEquals(r.notes(CODEC, false).size(), with.notes().stream().filter(x -> x.start() >= 3.0).count());
        assertTrue(with.duration() <= 23.0 + 1e-9);
    }
}
