package lstm.music;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The midicsv text form of a MIDI file (John Walker's format, see midicsv(5)): one record per
 * event, "track, time, type, parameters". {@link #write} produces byte for byte what Debian's
 * {@code midicsv} prints for a well-formed file; {@link #read} accepts what {@code csvmidi}
 * accepts (type names in any case, blank lines, whole-line comments starting with # or ;,
 * extra trailing fields) and fails on the first bad record where csvmidi would warn and go on.
 * The text is ISO 8859-1: text events are bytes, quoted, with "" for a quote, \\ for a
 * backslash and a backslash and three octal digits for control characters and 127-160.
 */
public final class MidiCsv {
    /** midicsv separates fields by comma and space and quotes text fields itself (see quoteText). */
    private static final CSVFormat OUTPUT = CSVFormat.Builder.create()
            .setDelimiter(", ").setQuote(null).setRecordSeparator("\n").build();
    /** csvmidi: comma-separated, double quotes, spaces around unquoted fields ignored. */
    private static final CSVFormat INPUT = CSVFormat.Builder.create()
            .setDelimiter(',').setQuote('"').setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();

    private static final String[] CHANNEL_TYPES = {
        "Note_off_c", "Note_on_c", "Poly_aftertouch_c", "Control_c", "Program_c", "Channel_aftertouch_c", "Pitch_bend_c"};
    private static final Map<Integer, String> TEXT_TYPES = Map.of(
            0x01, "Text_t", 0x02, "Copyright_t", 0x03, "Title_t", 0x04, "Instrument_name_t",
            0x05, "Lyric_t", 0x06, "Marker_t", 0x07, "Cue_point_t");
    private static final Map<String, Integer> META_TYPES = Map.ofEntries(
            Map.entry("sequence_number", 0x00), Map.entry("text_t", 0x01), Map.entry("copyright_t", 0x02),
            Map.entry("title_t", 0x03), Map.entry("instrument_name_t", 0x04), Map.entry("lyric_t", 0x05),
            Map.entry("marker_t", 0x06), Map.entry("cue_point_t", 0x07), Map.entry("channel_prefix", 0x20),
            Map.entry("midi_port", 0x21), Map.entry("end_track", 0x2F), Map.entry("tempo", 0x51),
            Map.entry("smpte_offset", 0x54), Map.entry("time_signature", 0x58), Map.entry("key_signature", 0x59),
            Map.entry("sequencer_specific", 0x7F));

    private MidiCsv() {}

    // ---------------------------------------------------------------- writing

    /** Writes the file's records as midicsv prints them. */
    public static void write(SmfFile file, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.ISO_8859_1);
        CSVPrinter printer = new CSVPrinter(writer, OUTPUT);
        // midicsv prints the header fields as signed 16-bit numbers (SMPTE divisions are negative)
        printer.printRecord(0, 0, "Header", (short) file.format(), (short) file.tracks().size(), (short) file.division());
        for (int t = 0; t < file.tracks().size(); t++) {
            int track = t + 1;
            printer.printRecord(track, 0, "Start_track");
            for (SmfEvent e : file.tracks().get(t)) {
                List<Object> record = new ArrayList<>();
                record.add(track);
                record.add(e.tick());
                describe(e, record);
                printer.printRecord(record);
            }
        }
        printer.printRecord(0, 0, "End_of_file");
        printer.flush();
    }

    /** Appends the type and parameters of one event. */
    private static void describe(SmfEvent e, List<Object> r) {
        int[] d = e.data();
        if (e.isChannelMessage()) {
            int kind = (e.status() >> 4) - 8;
            r.add(CHANNEL_TYPES[kind]);
            r.add(e.status() & 0x0F);
            if (kind == 6) r.add(d[0] | (d[1] << 7));
            else for (int b : d) r.add(b);
        } else if (e.isSysex()) {
            r.add(e.status() == SmfEvent.SYSEX ? "System_exclusive" : "System_exclusive_packet");
            addBytes(r, d);
        } else if (!e.isMeta()) {
            r.add("Unknown_event");
            r.add(String.format("%02Xx", e.status()));
        } else if (TEXT_TYPES.containsKey(e.metaType())) {
            r.add(TEXT_TYPES.get(e.metaType()));
            r.add(quoteText(d));
        } else {
            switch (e.metaType()) {
                case 0x00 -> { r.add("Sequence_number"); r.add((at(d, 0) << 8) | at(d, 1)); }
                case 0x20 -> { r.add("Channel_prefix"); r.add(at(d, 0)); }
                case 0x21 -> { r.add("MIDI_port"); r.add(at(d, 0)); }
                case 0x2F -> r.add("End_track");
                case 0x51 -> { r.add("Tempo"); r.add((at(d, 0) << 16) | (at(d, 1) << 8) | at(d, 2)); }
                case 0x54 -> { r.add("SMPTE_offset"); for (int i = 0; i < 5; i++) r.add(at(d, i)); }
                case 0x58 -> { r.add("Time_signature"); for (int i = 0; i < 4; i++) r.add(at(d, i)); }
                case 0x59 -> { r.add("Key_signature"); r.add((int) (byte) at(d, 0)); r.add(at(d, 1) != 0 ? "\"minor\"" : "\"major\""); }
                case 0x7F -> { r.add("Sequencer_specific"); addBytes(r, d); }
                default -> { r.add("Unknown_meta_event"); r.add(e.metaType()); addBytes(r, d); }
            }
        }
    }

    /** A data byte of a fixed-size meta event, 0 when the event is shorter than the standard says. */
    private static int at(int[] data, int i) {
        return i < data.length ? data[i] : 0;
    }

    private static void addBytes(List<Object> r, int[] data) {
        r.add(data.length);
        for (int b : data) r.add(b);
    }

    /** midicsv's text quoting: octal escapes for control characters and 127-160, "" and \\. */
    static String quoteText(int[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length + 2).append('"');
        for (int c : bytes) {
            if (c < ' ' || (c > '~' && c <= 160)) {
                s.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7))).append((char) ('0' + (c & 7)));
            } else {
                if (c == '"' || c == '\\') s.append((char) c);
                s.append((char) c);
            }
        }
        return s.append('"').toString();
    }

    // ---------------------------------------------------------------- reading

    /** Parses midicsv text (ISO 8859-1 bytes); the first bad record fails with its line number. */
    public static SmfFile read(byte[] text) throws MidiFormatException {
        // csvmidi's whole-line comments (# or ;) become empty lines, which the CSV parser skips:
        // the line numbers stay those of the input
        String[] lines = new String(text, StandardCharsets.ISO_8859_1).split("\r\n|\n|\r", -1);
        StringBuilder records = new StringBuilder(text.length);
        for (String line : lines) {
            if (isRecord(line)) records.append(line.strip());
            records.append('\n');
        }
        Reader reader = new Reader();
        long line = 0; // of the last record read
        try (CSVParser parser = CSVParser.parse(records.toString(), INPUT)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) break;
                    record = it.next();
                } catch (UncheckedIOException e) {
                    throw syntaxError(lines, (int) line);
                }
                line = parser.getCurrentLineNumber();
                try {
                    reader.record(record.toList());
                } catch (MidiFormatException e) {
                    throw new MidiFormatException("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new MidiFormatException("cannot parse: " + e.getMessage(), e);
        }
        return reader.finish();
    }

    /** Not blank, not a comment (first non-blank character # or ;). */
    private static boolean isRecord(String line) {
        String s = line.strip();
        return !s.isEmpty() && s.charAt(0) != '#' && s.charAt(0) != ';';
    }

    /** The first line after {@code from} that is not a CSV record, and why (parsed alone for exact numbers). */
    private static MidiFormatException syntaxError(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!isRecord(lines[i])) continue;
            try (CSVParser parser = CSVParser.parse(lines[i].strip(), INPUT)) {
                parser.getRecords();
            } catch (IOException | UncheckedIOException e) {
                String why = String.valueOf(e.getMessage()).replaceFirst("^.*CSVException: ", "")
                        .replaceFirst(" at line: \\d+, position: (\\d+)", " at character $1");
                return new MidiFormatException("line " + (i + 1) + ": not a CSV record (" + why + ")");
            }
        }
        return new MidiFormatException("not CSV text");
    }

    /** Builds the file record by record, checking what csvmidi checks. */
    private static final class Reader {
        private boolean headerSeen, endSeen;
        private int format, division, trackCount;
        private final List<List<SmfEvent>> tracks = new ArrayList<>();
        private List<SmfEvent> track;
        private int trackNumber;
        private List<String> f;

        void record(List<String> fields) throws MidiFormatException {
            f = fields;
            if (endSeen) throw new MidiFormatException("record after End_of_file");
            if (f.size() < 3) throw new MidiFormatException("a record needs track, time and type");
            int number = (int) number(0, "track", 0, 65535);
            long time = number(1, "time", 0, 0x7FFFFFFF);
            String type = f.get(2).toLowerCase(Locale.ROOT);
            switch (type) {
                case "header" -> {
                    if (headerSeen) throw new MidiFormatException("second Header record");
                    format = (int) number(3, "format", 0, 2);
                    trackCount = (int) number(4, "number of tracks", 0, 65535);
                    division = (int) number(5, "division", -32768, 65535) & 0xFFFF;
                    headerSeen = true;
                }
                case "start_track" -> {
                    if (!headerSeen) throw new MidiFormatException("Start_track before the Header record");
                    if (track != null) throw new MidiFormatException("Start_track while track " + trackNumber + " has no End_track");
                    track = new ArrayList<>();
                    trackNumber = number;
                }
                case "end_of_file" -> {
                    if (track != null) throw new MidiFormatException("End_of_file while track " + trackNumber + " has no End_track");
                    endSeen = true;
                }
                default -> event(number, time, type);
            }
        }

        private void event(int number, long time, String type) throws MidiFormatException {
            if (track == null) throw new MidiFormatException("event outside Start_track ... End_track");
            if (number != trackNumber) throw new MidiFormatException("track number " + number + " inside track " + trackNumber);
            if (!track.isEmpty() && time < track.get(track.size() - 1).tick()) {
                throw new MidiFormatException("time " + time + " is before the previous event's");
            }
            int channelKind = channelKind(type);
            if (channelKind >= 0) {
                int status = 0x80 | (channelKind << 4) | (int) number(3, "channel", 0, 15);
                int[] data = switch (channelKind) {
                    case 4, 5 -> new int[] {(int) number(4, "value", 0, 127)};
                    case 6 -> {
                        int bend = (int) number(4, "pitch bend", 0, 16383);
                        yield new int[] {bend & 0x7F, bend >> 7};
                    }
                    default -> new int[] {(int) number(4, "note or controller", 0, 127), (int) number(5, "value", 0, 127)};
                };
                track.add(SmfEvent.channel(time, status, data));
            } else if (type.equals("system_exclusive") || type.equals("system_exclusive_packet")) {
                int status = type.equals("system_exclusive") ? SmfEvent.SYSEX : SmfEvent.SYSEX_PACKET;
                track.add(new SmfEvent(time, status, -1, bytes(3)));
            } else if (type.equals("unknown_meta_event")) {
                track.add(SmfEvent.meta(time, (int) number(3, "meta type", 0, 255), bytes(4)));
            } else if (META_TYPES.containsKey(type)) {
                int meta = META_TYPES.get(type);
                track.add(SmfEvent.meta(time, meta, metaData(meta)));
                if (meta == SmfEvent.END_OF_TRACK) {
                    tracks.add(track);
                    track = null;
                }
            } else {
                throw new MidiFormatException("unknown record type \"" + f.get(2) + "\"");
            }
        }

        private int[] metaData(int meta) throws MidiFormatException {
            if (TEXT_TYPES.containsKey(meta)) {
                if (f.size() < 4) throw new MidiFormatException("missing text (field 4)");
                return unescape(f.get(3));
            }
            return switch (meta) {
                case 0x00 -> {
                    int n = (int) number(3, "sequence number", 0, 65535);
                    yield new int[] {n >> 8, n & 0xFF};
                }
                case 0x20, 0x21 -> new int[] {(int) number(3, "number", 0, 255)};
                case 0x2F -> new int[0];
                case 0x51 -> {
                    int tempo = (int) number(3, "tempo", 0, 0xFFFFFF);
                    yield new int[] {tempo >> 16, (tempo >> 8) & 0xFF, tempo & 0xFF};
                }
                case 0x54 -> numbers(3, 5, "SMPTE offset");
                case 0x58 -> numbers(3, 4, "time signature");
                case 0x59 -> {
                    int key = (int) number(3, "key", -7, 7);
                    if (f.size() < 5) throw new MidiFormatException("missing major/minor (field 5)");
                    String mode = f.get(4).toLowerCase(Locale.ROOT);
                    if (!mode.equals("major") && !mode.equals("minor")) {
                        throw new MidiFormatException("field 5 is \"" + f.get(4) + "\", not major or minor");
                    }
                    yield new int[] {key & 0xFF, mode.equals("minor") ? 1 : 0};
                }
                default -> bytes(3);
            };
        }

        /** A length field at {@code index} and that many byte fields after it. */
        private int[] bytes(int index) throws MidiFormatException {
            int length = (int) number(index, "length", 0, (1 << 28) - 1);
            if (f.size() < index + 1 + length) {
                throw new MidiFormatException("length " + length + " but only " + (f.size() - index - 1) + " data bytes");
            }
            return numbers(index + 1, length, "data byte");
        }

        private int[] numbers(int index, int count, String what) throws MidiFormatException {
            int[] values = new int[count];
            for (int i = 0; i < count; i++) values[i] = (int) number(index + i, what, 0, 255);
            return values;
        }

        private long number(int index, String what, long min, long max) throws MidiFormatException {
            if (index >= f.size()) throw new MidiFormatException("missing " + what + " (field " + (index + 1) + ")");
            long value;
            try {
                value = Long.parseLong(f.get(index).strip());
            } catch (NumberFormatException e) {
                throw new MidiFormatException(what + " (field " + (index + 1) + ") is \"" + f.get(index) + "\", not a number");
            }
            if (value < min || value > max) {
                throw new MidiFormatException(what + " (field " + (index + 1) + ") is " + value + ", outside " + min + ".." + max);
            }
            return value;
        }

        SmfFile finish() throws MidiFormatException {
            if (!headerSeen) throw new MidiFormatException("no Header record");
            if (track != null) throw new MidiFormatException("track " + trackNumber + " has no End_track");
            if (!endSeen) throw new MidiFormatException("no End_of_file record");
            if (tracks.size() != trackCount) {
                throw new MidiFormatException("the Header announces " + trackCount + " tracks, the file holds " + tracks.size());
            }
            return new SmfFile(format, division, tracks);
        }
    }

    private static int channelKind(String type) {
        for (int i = 0; i < CHANNEL_TYPES.length; i++) if (CHANNEL_TYPES[i].equalsIgnoreCase(type)) return i;
        return -1;
    }

    /** Undoes midicsv's text quoting (the CSV parser has already removed quotes and "" pairs). */
    static int[] unescape(String text) {
        int[] out = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out[n++] = c & 0xFF;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out[n++] = '\\';
                i++;
            } else {
                // as csvmidi: up to three octal digits, their value taken modulo 256
                int value = 0;
                for (int k = 0; k < 3 && i + 1 < text.length() && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '7'; k++) {
                    value = (value << 3) | (text.charAt(++i) - '0');
                }
                out[n++] = value & 0xFF;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
