package lstm.music;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Builds small MIDI files event by event, and finds the real ones the tests may use. */
final class TestMidi {
    static final Path CORPORA = Path.of("../shared/corpora/midi");
    static final Path PLANETBLUPI = Path.of("/usr/share/planetblupi/music");

    private TestMidi() {}

    static SmfEvent on(long tick, int channel, int pitch, int velocity) {
        return SmfEvent.channel(tick, 0x90 | channel, pitch, velocity);
    }

    static SmfEvent off(long tick, int channel, int pitch) {
        return SmfEvent.channel(tick, 0x80 | channel, pitch, 0);
    }

    static SmfEvent control(long tick, int channel, int controller, int value) {
        return SmfEvent.channel(tick, 0xB0 | channel, controller, value);
    }

    static SmfEvent tempo(long tick, int microsPerQuarter) {
        return SmfEvent.meta(tick, SmfEvent.TEMPO, microsPerQuarter >> 16, (microsPerQuarter >> 8) & 0xFF, microsPerQuarter & 0xFF);
    }

    /** A track: the events, then End_track at the last event's tick. */
    static List<SmfEvent> track(SmfEvent... events) {
        List<SmfEvent> list = new ArrayList<>(Arrays.asList(events));
        long end = events.length == 0 ? 0 : events[events.length - 1].tick();
        list.add(SmfEvent.meta(end, SmfEvent.END_OF_TRACK));
        return list;
    }

    @SafeVarargs
    static byte[] bytes(int format, int division, List<SmfEvent>... tracks) {
        List<List<SmfEvent>> list = new ArrayList<>();
        for (List<SmfEvent> track : tracks) list.add(track);
        return SmfWriter.write(new SmfFile(format, division, list));
    }

    /** Real MIDI files under a folder of the shared corpora, every {@code every}-th in sorted order; empty when absent. */
    static List<Path> corpusSample(String folder, int every) throws IOException {
        return sample(CORPORA.resolve(folder), every);
    }

    static List<Path> sample(Path folder, int every) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".mid")).sorted().toList();
            List<Path> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i += every) out.add(all.get(i));
            return out;
        }
    }
}
