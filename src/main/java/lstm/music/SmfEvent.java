package lstm.music;

/**
 * One event of a MIDI track as stored in the file, with its absolute time in ticks. Kinds, by
 * {@code status}: 0x80-0xEF a channel message ({@code data} holds its 1 or 2 data bytes), 0xF0
 * and 0xF7 system exclusive ({@code data} is the payload), 0xFF a meta event of type
 * {@code metaType}, any other 0xF1-0xFE an event that has no place in a file (kept only so that
 * {@code midi2csv} can show it as midicsv does). Data bytes are unsigned 0-255 in an int array.
 */
public record SmfEvent(long tick, int status, int metaType, int[] data) {
    public static final int META = 0xFF, SYSEX = 0xF0, SYSEX_PACKET = 0xF7, END_OF_TRACK = 0x2F, TEMPO = 0x51;

    public static SmfEvent channel(long tick, int status, int... data) {
        return new SmfEvent(tick, status, -1, data);
    }

    public static SmfEvent meta(long tick, int type, int... data) {
        return new SmfEvent(tick, META, type, data);
    }

    public boolean isChannelMessage() {
        return status >= 0x80 && status < 0xF0;
    }

    public boolean isMeta() {
        return status == META;
    }

    public boolean isSysex() {
        return status == SYSEX || status == SYSEX_PACKET;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmfEvent e && tick == e.tick && status == e.status && metaType == e.metaType
                && java.util.Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(tick, status, metaType) * 31 + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SmfEvent[tick=" + tick + ", status=" + status + ", metaType=" + metaType + ", data=" + java.util.Arrays.toString(data) + "]";
    }

    /** The number of data bytes that follow the status byte of a channel message. */
    public static int channelDataLength(int status) {
        int kind = status & 0xF0;
        return kind == 0xC0 || kind == 0xD0 ? 1 : 2;
    }
}
