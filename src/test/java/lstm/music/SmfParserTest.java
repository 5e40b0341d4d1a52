package lstm.music;

import static lstm.music.TestMidi.bytes;
import static lstm.music.TestMidi.off;
import static lstm.music.TestMidi.on;
import static lstm.music.TestMidi.track;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmfParserTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String reason(byte[] bytes) {
        return assertThrows(MidiFormatException.class, () -> SmfParser.parse(bytes)).getMessage();
    }

    @Test
    void readsRunningStatusAcrossMetaEventsAsMidicsvDoes() throws Exception {
        // note-on, then a text event, then a data byte that reuses the note-on status
        byte[] file = hex("4d546864 00000006 0000 0001 0060 4d54726b 00000010"
                + "00 90 3c 40  00 ff 01 01 41  10 3c 00  00 ff 2f 00");
        SmfFile smf = SmfParser.parse(file);
        List<SmfEvent> events = smf.tracks().get(0);
        assertEquals(4, events.size());
        assertEquals(0x90, events.get(2).status());
        assertEquals(16, events.get(2).tick());
        assertArrayEquals(new int[] {0x3c, 0}, events.get(2).data());
    }

    @Test
    void writerUsesRunningStatusLikeCsvmidi() {
        byte[] file = bytes(0, 96, track(on(0, 0, 60, 64), on(0, 0, 64, 64), off(10, 0, 60), off(10, 0, 64)));
        assertEquals("4d546864000000060000000100604d54726b00000012"
                + "00903c40" + "004040" + "0a803c00" + "004000" + "00ff2f00", HexFormat.of().formatHex(file));
    }

    @Test
    void skipsAlienChunksAndIgnoresBytesAfterEndOfTrack() throws Exception {
        byte[] file = hex("4d546864 00000006 0000 0001 0060  58595a21 00000002 abcd"
                + "4d54726b 00000009 00 90 3c 40  00 ff 2f 00  77");
        SmfFile smf = SmfParser.parse(file);
        assertEquals(1, smf.tracks().size());
        assertEquals(2, smf.tracks().get(0).size());
    }

    @Test
    void longerHeaderIsSkipped() throws Exception {
        byte[] file = hex("4d546864 00000008 0001 0001 01e0 0000 4d54726b 00000004 00 ff 2f 00");
        assertEquals(480, SmfParser.parse(file).division());
    }

    @Test
    void badFilesFailWithAReason() {
        assertEquals("empty file", reason(new byte[0]));
        assertEquals("not a MIDI file (no MThd header)", reason("hello, world".getBytes()));
        assertEquals("bad MIDI header length 2", reason(hex("4d546864 00000002 0000")));
        assertEquals("truncated MIDI header", reason(hex("4d546864 00000006 0000")));
        assertEquals("unknown MIDI file format 3", reason(hex("4d546864 00000006 0003 0001 0060")));
        assertEquals("truncated: the header announces 2 tracks, the file holds 1",
                reason(hex("4d546864 00000006 0001 0002 0060 4d54726b 00000004 00ff2f00")));
        assertEquals("truncated: track 1 announces 1000000000 bytes, 4 remain",
                reason(hex("4d546864 00000006 0000 0001 0060 4d54726b 3b9aca00 00ff2f00")));
        assertEquals("track 1 at byte 23: data byte without a status byte",
                reason(hex("4d546864 00000006 0000 0001 0060 4d54726b 00000004 00 3c 40 00")));
        assertEquals("track 1 at byte 26: variable-length number longer than 4 bytes",
                reason(hex("4d546864 00000006 0000 0001 0060 4d54726b 00000006 ff ff ff ff 7f 00")));
        assertEquals("track 1 at byte 26: event announces 100 bytes, 1 remain in the track",
                reason(hex("4d546864 00000006 0000 0001 0060 4d54726b 00000005 00 ff 01 64 41")));
        assertEquals("track 1 at byte 27: event missing after its delta time",
                reason(hex("4d546864 00000006 0000 0001 0060 4d54726b 00000005 00 90 3c 40 05")));
        assertEquals("track 1 at byte 24: event announces 2 bytes, 0 remain in the track",
                reason(hex("4d546864 00000006 0000 0001 0060 4d54726b 00000002 00 90")));
    }

    @Test
    void everyWrittenFileParsesBackToTheSameBytes() throws Exception {
        byte[] file = bytes(1, 480, track(TestMidi.tempo(0, 400_000)), track(on(0, 3, 60, 100), off(480, 3, 60)));
        assertArrayEquals(file, SmfWriter.write(SmfParser.parse(file)));
        ByteArrayOutputStream vlq = new ByteArrayOutputStream();
        for (long v : new long[] {0, 0x7F, 0x80, 0x3FFF, 0x4000, 0x0FFFFFFF}) SmfWriter.vlq(vlq, v);
        assertEquals("007f8100ff7f818000ffffff7f", HexFormat.of().formatHex(vlq.toByteArray()));
    }
}
