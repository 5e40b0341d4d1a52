package lstm.music;

import java.util.List;

/**
 * A standard MIDI file as stored: header fields and every track's events, nothing interpreted.
 * {@code division} is the raw 16-bit header field (ticks per quarter note, or SMPTE timing when
 * its top bit is set). The header's track count is {@code tracks.size()}.
 */
public record SmfFile(int format, int division, List<List<SmfEvent>> tracks) {
    public SmfFile {
        tracks = List.copyOf(tracks);
    }
}
