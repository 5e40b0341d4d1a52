package lstm.music;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes a {@link SmfFile} as bytes laid out exactly as Debian's csvmidi lays them out: a 6-byte
 * header, one MTrk chunk per track, and running status for a channel message whose status byte
 * equals the previous event's (a meta or sysex event in between cancels it).
 */
public final class SmfWriter {
    private SmfWriter() {}

    public static byte[] write(SmfFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'T', 'h', 'd'});
        uint32(out, 6);
        uint16(out, file.format());
        uint16(out, file.tracks().size());
        uint16(out, file.division());
        for (List<SmfEvent> track : file.tracks()) {
            byte[] body = track(track);
            out.writeBytes(new byte[] {'M', 'T', 'r', 'k'});
            uint32(out, body.length);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] track(List<SmfEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long previousTick = 0;
        int lastStatus = -1;
        for (SmfEvent e : events) {
            vlq(out, e.tick() - previousTick);
            previousTick = e.tick();
            if (e.isChannelMessage()) {
                if (e.status() != lastStatus) out.write(e.status());
                lastStatus = e.status();
                for (int b : e.data()) out.write(b);
                continue;
            }
            lastStatus = -1;
            out.write(e.status());
            if (e.isMeta()) out.write(e.metaType());
            if (e.isMeta() || e.isSysex()) {
                vlq(out, e.data().length);
                for (int b : e.data()) out.write(b);
            }
        }
        return out.toByteArray();
    }

    static void vlq(ByteArrayOutputStream out, long value) {
        if (value < 0 || value > 0x0FFFFFFF) throw new IllegalArgumentException("not a MIDI variable-length value: " + value);
        int shift = 21;
        while (shift > 0 && (value >> shift) == 0) shift -= 7;
        for (; shift > 0; shift -= 7) out.write((int) ((value >> shift) & 0x7F) | 0x80);
        out.write((int) (value & 0x7F));
    }

    private static void uint16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xFF);
        out.write(value & 0xFF);
    }

    private static void uint32(ByteArrayOutputStream out, long value) {
        uint16(out, (int) (value >>> 16));
        uint16(out, (int) value);
    }
}
