package lstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Test;

/** The median tempo of a set of MIDI files, weighted by time, and the time grid a model file records. */
class TimeGridTest {
    static Sequence sequence(byte[] bytes) throws Exception {
        return MidiSystem.getSequence(new ByteArrayInputStream(bytes));
    }

    @Test
    void tempoUseWeighsEachTempoByItsSeconds() throws Exception {
        // 60 BPM for 2 quarters (2 s), then 240 BPM for 12 quarters (3 s): 240 BPM holds the middle of the time
        byte[] bytes = TestMidi.bytes(1, 96,
                TestMidi.track(TestMidi.tempo(0, 1_000_000), TestMidi.tempo(192, 250_000)),
                TestMidi.track(TestMidi.on(0, 0, 60, 90), TestMidi.off(14 * 96, 0, 60)));
        TempoUse use = TempoUse.of(sequence(bytes));
        assertEquals(Map.of(1_000_000, 2.0, 250_000, 3.0), use.secondsByTempo());
        assertEquals(OptionalDouble.of(240), use.bpm());
        // a second file of 4 s at 60 BPM tips the balance: 6 s at 60 against 3 s at 240
        byte[] slow = TestMidi.bytes(0, 96, TestMidi.track(TestMidi.tempo(0, 1_000_000), TestMidi.on(0, 0, 60, 90), TestMidi.off(4 * 96, 0, 60)));
        assertEquals(OptionalDouble.of(60), TempoUse.sum(java.util.List.of(use, TempoUse.of(sequence(slow)))).bpm());
    }

    /** Rubato: the usual pace, not the one tempo held longest (a fermata written as a slow tempo). */
    @Test
    void theMedianTempoIsTheUsualPaceOfAPlayedPiece() {
        TempoUse played = new TempoUse(Map.of(1_000_000, 1.5, 500_000, 1.0, 480_000, 1.0, 461_538, 0.9));
        assertEquals(OptionalDouble.of(120), played.bpm());   // slowest first: 1.5 s, then 2.5 s of 4.4 s at 120
        assertEquals(OptionalDouble.of(60), new TempoUse(Map.of(1_000_000, 2.0, 500_000, 2.0)).bpm());   // a tie: the slower
    }

    @Test
    void aFileWithoutTempoIsAt120AndAnSmpteFileHasNone() throws Exception {
        byte[] plain = TestMidi.bytes(0, 480, TestMidi.track(TestMidi.on(0, 0, 60, 90), TestMidi.off(960, 0, 60)));
        assertEquals(OptionalDouble.of(120), TempoUse.of(sequence(plain)).bpm());
        int smpte = 0xE728;   // -25 frames a second, 40 ticks a frame
        byte[] timecode = TestMidi.bytes(0, smpte, TestMidi.track(TestMidi.on(0, 0, 60, 90), TestMidi.off(1000, 0, 60)));
        assertEquals(OptionalDouble.empty(), TempoUse.of(sequence(timecode)).bpm());
        assertEquals(OptionalDouble.empty(), TempoUse.NONE.bpm());
        // to the hundredth of a BPM: 512,000 microseconds a quarter is 117.1875 BPM
        assertEquals(OptionalDouble.of(117.19), new TempoUse(Map.of(512_000, 1.0)).bpm());
    }

    @Test
    void theGridRoundTripsThroughTheCodecData() {
        TimeGrid frames = TimeGrid.beats(4, 100.0, 21, 108);
        Map<String, Object> codec = new LinkedHashMap<>();
        frames.record(codec);
        assertEquals(Map.of("steps_per_quarter", 4, "tempo_bpm", 100.0, "lowest_note", 21, "highest_note", 108), codec);
        assertEquals(frames, TimeGrid.read(codec));
        TimeGrid events = TimeGrid.seconds(0.01, null, 0, 127);
        codec.clear();
        events.record(codec);
        assertEquals(Map.of("steps_per_second", 100, "lowest_note", 0, "highest_note", 127), codec);
        assertEquals(events, TimeGrid.read(codec));
    }

    /** Model files from before: a frame model's codec had its keyboard and "grid", an events model's its 10 ms steps. */
    @Test
    void anOldCodecReadsAsTheOldDefaults() {
        TimeGrid frames = TimeGrid.read(Map.of("keys", 88, "lowest_note", 21, "grid", "csv"));
        assertEquals(TimeGrid.beats(1, null, 21, 108), frames);
        TimeGrid events = TimeGrid.read(Map.of("velocity", true, "steps_per_second", 100, "max_shift_steps", 100));
        assertEquals(TimeGrid.seconds(0.01, null, 0, 127), events);
        assertNull(events.tempoBpm());
    }

    @Test
    void aStepOnTheBeatGridIsAWholeMillisecond() {
        TimeGrid sixteenths = TimeGrid.beats(4, 100.0, 21, 108);
        assertEquals(100, sixteenths.writtenBpm(100));
        assertEquals(0.15, sixteenths.stepSeconds(100));
        assertEquals(60_000.0 / 668, sixteenths.writtenBpm(90), 1e-12);   // 166.67 ms rounds to 167
        assertEquals(0.167, sixteenths.stepSeconds(90));
        assertEquals(0.5, TimeGrid.beats(1, null, 21, 108).stepSeconds(120));
        // events: the writer's own rounding, a whole millisecond to a quarter; the step stays 10 ms
        TimeGrid events = TimeGrid.seconds(0.01, null, 0, 127);
        assertEquals(60_000.0 / 667, events.writtenBpm(90), 1e-12);
        assertEquals(0.01, events.stepSeconds(90));
        assertEquals("16th-note grid", sixteenths.describe());
        assertEquals("quarter-note grid", TimeGrid.beats(1, null, 21, 108).describe());
        assertEquals("3 steps a quarter", TimeGrid.beats(3, null, 21, 108).describe());
        assertEquals("10 ms steps", events.describe());
        assertEquals("89.82", TimeGrid.formatNumber(sixteenths.writtenBpm(90)));
        assertEquals("120", TimeGrid.formatNumber(120));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(4, 0.01, null, 0, 127));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.beats(4, 0.0, 0, 127));
        assertTrue(TimeGrid.beats(4, null, 0, 127).inBeats());
    }
}
