package lstm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import lstm.io.UserException;
import lstm.music.MidiZip;
import lstm.poly.FrameCsv;
import lstm.poly.RollPickle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Music corpora of the manifest: fetched from local files, verified, converted (piano-roll pickles, MIDI zips). */
public class MusicCorpusFetchTest {
    /**
     * A pickle as Python 2 wrote the 2012 benchmark: protocol 2, str keys, pitch tuples, and one
     * pitch a numpy int64 scalar (its 8 bytes as a Python 2 str). {'train': [[(60, 64), (int64(72),), ()]], 'valid': [], 'test': []}
     */
    public static final byte[] PY2_PICKLE = ("\u0080\u0002}(U\u0005train](](K<K@\u0086cnumpy.core.multiarray\nscalar\ncnumpy\ndtype\nU\u0002i8K\u0000K\u0001\u0087R"
            + "(K\u0003U\u0001<NNNJ\u00ff\u00ff\u00ff\u00ffJ\u00ff\u00ff\u00ff\u00ffK\u0000tbU\u0008H\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0086R\u0085)eeU\u0005valid]U\u0004test]u.")
            .getBytes(StandardCharsets.ISO_8859_1);

    static final Map<String, CorpusFetcher.Converter> CONVERTERS = Map.of(
            "pickle-roll", (download, name, folder) -> RollPickle.convert(download, name, folder),
            "zip-midi", (download, name, folder) -> MidiZip.extract(download, name, folder));

    @TempDir
    Path tmp;
    final List<String> events = new ArrayList<>();
    final CorpusFetcher.Listener listener = new CorpusFetcher.Listener() {
        @Override
        public void trusted(CorpusManifest.Entry entry, long bytes, String sha256, Path record) {
            events.add("trusted " + entry.name() + " " + bytes + " " + sha256 + " " + record.getFileName());
        }
    };

    private CorpusManifest.Entry entry(String name, Path source, long bytes, String sha, String format) {
        return new CorpusManifest.Entry(name, name, source.toUri(), bytes, sha, "test", "a test corpus", format);
    }

    private CorpusManifest.Entry verified(String name, Path source, String format) throws IOException {
        return entry(name, source, Files.size(source), CorpusFetcher.sha256(source), format);
    }

    private CorpusFetcher fetcher(boolean trust) {
        return new CorpusFetcher(listener, CONVERTERS, trust);
    }

    @Test
    void aPython2PickleBecomesPianoRollCsvPerSplit() throws IOException {
        Path source = Files.write(tmp.resolve("JSB Chorales.pickle"), PY2_PICKLE);
        Path out = tmp.resolve("corpora");
        CorpusManifest.Entry e = verified("jsb-chorales", source, "pickle-roll");
        CorpusFetcher.Result r = fetcher(false).fetch(e, out);
        assertTrue(r.downloaded());
        assertEquals(out.resolve("jsb-chorales"), r.path());
        assertEquals("piece_id,step,pitches\n0,0,60 64\n0,1,72\n0,2,\n", Files.readString(r.path().resolve("train.csv")));
        assertEquals("piece_id,step,pitches\n", Files.readString(r.path().resolve("valid.csv")));
        assertEquals("piece_id,step,pitches\n", Files.readString(r.path().resolve("test.csv")));
        assertEquals(e.sha256() + " " + PY2_PICKLE.length + " " + source.toUri() + "\n", Files.readString(r.path().resolve(CorpusFetcher.SOURCE_MARK)));
        assertEquals(List.of("jsb-chorales"), names(out), "no download or temporary folder is left beside it");
        assertEquals(3, FrameCsv.read(r.path().resolve("train.csv")).get(0).steps(), "lstm train reads the CSV");

        CorpusFetcher.Result again = fetcher(false).fetch(e, out);
        assertFalse(again.downloaded(), "a folder made from the same download is kept");
    }

    @Test
    void aPickleWrittenByPython3WithNumpyTypesConvertsToo() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3");
        Path pickle = tmp.resolve("rolls.pickle");
        String script = String.join("\n",
                "import pickle, sys",
                "steps = [(60, 64, 67), (), (108, 21)]",
                "try:",
                "    import numpy as np",
                "    steps.append(tuple(np.int64(p) for p in (55, 43)))",
                "    steps.append(np.array([69, 57], dtype=np.int32))",
                "except ImportError:",
                "    steps += [(43, 55), (57, 69)]",
                "d = {'train': [steps, [(62,)]], 'valid': [[(48,)]], 'test': [[()]]}",
                "pickle.dump(d, open(sys.argv[1], 'wb'), protocol=2)");
        Process p = new ProcessBuilder(python.toString(), "-c", script, pickle.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        RollPickle.convert(pickle, tmp.resolve("rolls"));
        assertEquals("piece_id,step,pitches\n0,0,60 64 67\n0,1,\n0,2,21 108\n0,3,43 55\n0,4,57 69\n1,0,62\n",
                Files.readString(tmp.resolve("rolls/train.csv")));
        assertEquals("piece_id,step,pitches\n0,0,48\n", Files.readString(tmp.resolve("rolls/valid.csv")));
        assertEquals("piece_id,step,pitches\n0,0,\n", Files.readString(tmp.resolve("rolls/test.csv")));
    }

    @Test
    void aPickleWhoseChecksumDiffersKeepsNothing() throws IOException {
        Path source = Files.write(tmp.resolve("Nottingham.pickle"), PY2_PICKLE);
        Path out = Files.createDirectories(tmp.resolve("corpora"));
        String wrong = "0".repeat(64);
        UserException e = assertThrows(UserException.class,
                () -> fetcher(false).fetch(entry("nottingham-roll", source, PY2_PICKLE.length, wrong, "pickle-roll"), out));
        assertEquals("download of 'nottingham-roll' from " + source.toUri() + " has sha256 " + CorpusFetcher.sha256(source)
                + ", expected " + wrong + " (the file there is not the one the manifest describes; nothing was written)", e.userMessage());
        assertEquals(List.of(), names(out));
    }

    @Test
    void somethingThatIsNotAPianoRollPickleKeepsNothing() throws IOException {
        Path source = Files.writeString(tmp.resolve("fake.pickle"), "not a pickle at all");
        Path out = tmp.resolve("corpora");
        UserException e = assertThrows(UserException.class, () -> fetcher(false).fetch(verified("fake", source, "pickle-roll"), out));
        assertTrue(e.userMessage().startsWith("fake.pickle is not a piano-roll pickle of the 2012 benchmark: it does not unpickle"), e.userMessage());
        assertFalse(Files.exists(out), "the folder it created is removed again");
    }

    @Test
    void anUnknownChecksumIsRefusedUnlessTrustedOnFirstUseThenRecordedAndChecked() throws IOException {
        Path source = Files.write(tmp.resolve("MuseData.pickle"), PY2_PICKLE);
        Path out = tmp.resolve("corpora");
        CorpusManifest.Entry unknown = entry("musedata", source, -1, null, "pickle-roll");
        UserException refused = assertThrows(UserException.class, () -> fetcher(false).fetch(unknown, out));
        assertEquals("the manifest has no size and sha256 for 'musedata': none is published that lstm could check (add --trust-on-first-use to accept what "
                + source.toUri() + " serves and record its checksum in " + out.resolve("musedata.sha256") + "; nothing was written)", refused.userMessage());
        assertFalse(Files.exists(out));

        String sha = CorpusFetcher.sha256(source);
        CorpusFetcher.Result r = fetcher(true).fetch(unknown, out);
        assertTrue(r.downloaded());
        assertEquals(List.of("trusted musedata " + PY2_PICKLE.length + " " + sha + " musedata.sha256"), events);
        assertEquals(sha + " " + PY2_PICKLE.length + " " + source.toUri() + "\n", Files.readString(out.resolve("musedata.sha256")));
        assertEquals(List.of("musedata", "musedata.sha256"), names(out));

        // later fetches check against the recorded checksum, without the flag
        assertFalse(fetcher(false).fetch(unknown, out).downloaded());
        deleteTree(r.path());
        Files.write(source, new byte[] {1, 2, 3});   // upstream changed
        UserException changed = assertThrows(UserException.class, () -> fetcher(false).fetch(unknown, out));
        assertTrue(changed.userMessage().contains("has 3 bytes, expected " + PY2_PICKLE.length), changed.userMessage());
        assertEquals(List.of("musedata.sha256"), names(out));
    }

    @Test
    void aZipOfMidiIsUnpackedWithoutItsTopFolderAndOtherFiles() throws IOException {
        Path zip = tmp.resolve("Nottingham.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "Nottingham/train/ashover1.mid", "MThd-a");
            put(z, "Nottingham/test/jigs2.MID", "MThd-b");
            put(z, "Nottingham/README.txt", "read me");
        }
        Path out = tmp.resolve("corpora");
        CorpusFetcher.Result r = fetcher(false).fetch(verified("nottingham-midi", zip, "zip-midi"), out);
        assertEquals("MThd-a", Files.readString(r.path().resolve("train/ashover1.mid")));
        assertEquals("MThd-b", Files.readString(r.path().resolve("test/jigs2.MID")));
        assertEquals(List.of(CorpusFetcher.SOURCE_MARK, "test", "train"), names(r.path()));
    }

    @Test
    void aZipMemberThatWouldLeaveTheFolderIsRefused() throws IOException {
        Path zip = tmp.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "../../outside.mid", "MThd");
        }
        Path out = tmp.resolve("corpora");
        UserException e = assertThrows(UserException.class, () -> fetcher(false).fetch(verified("evil", zip, "zip-midi"), out));
        assertTrue(e.userMessage().startsWith("archive member '../../outside.mid' would be written outside"), e.userMessage());
        assertFalse(Files.exists(tmp.resolve("outside.mid")));
        assertFalse(Files.exists(out));
    }

    @Test
    void aFolderNotMadeFromTheManifestsFileIsNotOverwritten() throws IOException {
        Path source = Files.write(tmp.resolve("p.pickle"), PY2_PICKLE);
        Path mine = Files.createDirectories(tmp.resolve("corpora/rolls"));
        Files.writeString(mine.resolve("train.csv"), "my own work");
        UserException e = assertThrows(UserException.class, () -> fetcher(false).fetch(verified("rolls", source, "pickle-roll"), tmp.resolve("corpora")));
        assertEquals(mine + " is already there but was not made from the file the manifest describes (move it away and fetch again; lstm does not overwrite it)",
                e.userMessage());
        assertEquals("my own work", Files.readString(mine.resolve("train.csv")));
    }

    @Test
    void theManifestReadsTheFormatColumnAndUnknownChecksums() {
        String sha = "a".repeat(64);
        CorpusManifest m = CorpusManifest.parse("name,file,url,bytes,sha256,license,description,format\n"
                + "rolls,rolls,file:///r.pickle,10," + sha + ",x,y,pickle-roll\n"
                + "plain,plain.txt,file:///p.txt,3," + sha + ",x,y,\n"
                + "open,open,file:///o.pickle,unknown,unknown,x,y,pickle-roll\n", "m.csv");
        assertEquals("pickle-roll", m.find("rolls").format());
        assertTrue(m.find("rolls").converted());
        assertEquals(CorpusManifest.AS_IS, m.find("plain").format());
        assertFalse(m.find("open").checksumKnown());
        assertEquals(-1, m.find("open").bytes());
        UserException half = assertThrows(UserException.class, () -> CorpusManifest.parse("name,file,url,bytes,sha256,license,description,format\n"
                + "x,x,file:///x,12,unknown,x,y,file\n", "m.csv"));
        assertEquals("m.csv line 2: bytes and sha256 must both be known or both 'unknown'", half.getMessage());
    }

    @Test
    void everyBuiltInFormatHasAConverter() {
        for (CorpusManifest.Entry e : CorpusManifest.builtIn().entries()) {
            assertTrue(!e.converted() || CONVERTERS.containsKey(e.format()), e.name() + ": " + e.format());
        }
        assertFalse(CorpusManifest.builtIn().find("jsb-chorales").checksumKnown() == false);
        assertFalse(CorpusManifest.builtIn().find("musedata").checksumKnown(), "no published checksum: the manifest says so");
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

}
