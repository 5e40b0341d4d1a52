package lstm.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the chunks and events of a standard MIDI file from bytes, checking every length against
 * the bytes actually present, so that a corrupt or truncated file fails with a reason (never an
 * unchecked exception, a huge allocation or a loop). Event semantics follow Debian's midicsv:
 * running status is kept only for channel messages (meta and sysex events neither use nor
 * cancel it), a track ends at its End_track event (any bytes after it are ignored) or at the
 * end of its chunk, and chunks other than MTrk are skipped.
 */
public final class SmfParser {
    private static final int MAX_VLQ_BYTES = 4;

    private final byte[] bytes;
    private int pos;

    private SmfParser(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SmfFile parse(byte[] bytes) throws MidiFormatException {
        return new SmfParser(bytes).file();
    }

    private SmfFile file() throws MidiFormatException {
        if (bytes.length == 0) throw new MidiFormatException("empty file");
        if (bytes.length < 8 || !chunkIdIs(0, "MThd")) throw new MidiFormatException("not a MIDI file (no MThd header)");
        long headerLength = uint32(4);
        if (headerLength < 6) throw new MidiFormatException("bad MIDI header length " + headerLength);
        if (8 + headerLength > bytes.length) throw new MidiFormatException("truncated MIDI header");
        int format = uint16(8), trackCount = uint16(10), division = uint16(12);
        if (format > 2) throw new MidiFormatException("unknown MIDI file format " + format);
        pos = (int) (8 + headerLength);
        List<List<SmfEvent>> tracks = new ArrayList<>();
        while (tracks.size() < trackCount) {
            if (pos + 8 > bytes.length) {
                throw new MidiFormatException("truncated: the header announces " + trackCount
                        + " tracks, the file holds " + tracks.size());
            }
            boolean isTrack = chunkIdIs(pos, "MTrk");
            long length = uint32(pos + 4);
            int start = pos + 8;
            if (length > bytes.length - start) {
                throw new MidiFormatException("truncated: " + (isTrack ? "track " + (tracks.size() + 1) : "chunk")
                        + " announces " + length + " bytes, " + (bytes.length - start) + " remain");
            }
            pos = start;
            int end = (int) (start + length);
            if (isTrack) tracks.add(track(tracks.size() + 1, end));
            pos = end;
        }
        return new SmfFile(format, division, tracks);
    }

    private List<SmfEvent> track(int number, int end) throws MidiFormatException {
        List<SmfEvent> events = new ArrayList<>();
        long tick = 0;
        int runningStatus = 0;
        while (pos < end) {
            tick += vlq(end, number);
            if (pos >= end) throw bad(number, "event missing after its delta time");
            int status = bytes[pos] & 0xFF;
            if (status >= 0x80) {
                pos++;
                if (status < 0xF0) runningStatus = status;
            } else if (runningStatus == 0) {
                throw bad(number, "data byte without a status byte");
            } else {
                status = runningStatus;
            }
            if (status < 0xF0) {
                events.add(SmfEvent.channel(tick, status, take(SmfEvent.channelDataLength(status), end, number)));
            } else if (status == SmfEvent.SYSEX || status == SmfEvent.SYSEX_PACKET) {
                long length = vlq(end, number);
                events.add(new SmfEvent(tick, status, -1, take(length, end, number)));
            } else if (status == SmfEvent.META) {
                if (pos >= end) throw bad(number, "meta event cut short");
                int type = bytes[pos++] & 0xFF;
                long length = vlq(end, number);
                events.add(SmfEvent.meta(tick, type, take(length, end, number)));
                if (type == SmfEvent.END_OF_TRACK) break;
            } else {
                events.add(new SmfEvent(tick, status, -1, new int[0]));
            }
        }
        return events;
    }

    /** A variable-length quantity (at most 4 bytes, as the standard allows) inside the chunk. */
    private long vlq(int end, int track) throws MidiFormatException {
        long value = 0;
        for (int i = 0; i < MAX_VLQ_BYTES; i++) {
            if (pos >= end) throw bad(track, "variable-length number cut short");
            int b = bytes[pos++] & 0xFF;
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) return value;
        }
        throw bad(track, "variable-length number longer than 4 bytes");
    }

    private int[] take(long length, int end, int track) throws MidiFormatException {
        if (length > end - pos) throw bad(track, "event announces " + length + " bytes, " + (end - pos) + " remain in the track");
        int[] data = new int[(int) length];
        for (int i = 0; i < data.length; i++) data[i] = bytes[pos++] & 0xFF;
        return data;
    }

    private MidiFormatException bad(int track, String what) {
        return new MidiFormatException("track " + track + " at byte " + pos + ": " + what);
    }

    private boolean chunkIdIs(int at, String id) {
        for (int i = 0; i < 4; i++) if (bytes[at + i] != id.charAt(i)) return false;
        return true;
    }

    private int uint16(int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private long uint32(int at) {
        return ((long) uint16(at) << 16) | uint16(at + 2);
    }
}
