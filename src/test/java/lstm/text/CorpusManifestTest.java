package lstm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lstm.io.UserException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CorpusManifestTest {
    private static final String HEADER = "name,file,url,bytes,sha256,license,description\n";
    private static final String SHA = "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed";

    private static CorpusManifest parse(String rows) {
        return CorpusManifest.parse("# a comment\n" + HEADER + rows, "test manifest");
    }

    @Test
    void parsesEntriesWithQuotedFields() {
        CorpusManifest m = parse("plays,plays.txt,https://example.org/p.txt,12," + SHA + ",public domain,\"Plays, \"\"all\"\" of them\"\n"
                + "tune,tune.mid,file:///tmp/tune.mid,0," + SHA.toUpperCase() + ",CC0,A tune\n");
        assertEquals(2, m.entries().size());
        CorpusManifest.Entry plays = m.find("plays");
        assertEquals(new CorpusManifest.Entry("plays", "plays.txt", URI.create("https://example.org/p.txt"), 12, SHA,
                "public domain", "Plays, \"all\" of them"), plays);
        assertEquals(SHA, m.find("tune").sha256(), "checksums are kept in lower case");
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        CorpusManifest m = parse("a,a.txt,file:///a,1," + SHA + ",x,y\nb,b.txt,file:///b,1," + SHA + ",x,y\n");
        UserException e = assertThrows(UserException.class, () -> m.find("c"));
        assertEquals("unknown corpus 'c' (known: a, b)", e.userMessage());
    }

    @Test
    void rejectsBadRowsWithTheLineNumber() {
        assertBad("a,a.txt,file:///a,1,abc,x,y\n", "test manifest line 3: sha256 'abc' is not 64 hex digits");
        assertBad("a,../a.txt,file:///a,1," + SHA + ",x,y\n", "file '../a.txt' is not a plain file name without a folder");
        assertBad("a,sub/a.txt,file:///a,1," + SHA + ",x,y\n", "file 'sub/a.txt' is not a plain file name");
        assertBad("a,.hidden,file:///a,1," + SHA + ",x,y\n", "file '.hidden' is not a plain file name");
        assertBad("a,a.txt,ftp://host/a,1," + SHA + ",x,y\n", "url 'ftp://host/a' is not an http, https or file URL");
        assertBad("a,a.txt,file:///a,-1," + SHA + ",x,y\n", "bytes '-1' is not not negative");
        assertBad("a,a.txt,file:///a,1MB," + SHA + ",x,y\n", "bytes '1MB' is not a whole number");
        assertBad("A b,a.txt,file:///a,1," + SHA + ",x,y\n", "name 'A b' is not lower-case letters, digits and '-'");
        assertBad("a,a.txt,file:///a,1," + SHA + ",x\n", "has 6 fields, expected 7");
        assertBad("a,a.txt,file:///a,1," + SHA + ",x,y\na,b.txt,file:///b,1," + SHA + ",x,y\n", "line 4: name or file of 'a' is used twice");
        UserException header = assertThrows(UserException.class, () -> CorpusManifest.parse("name,url\n", "m.csv"));
        assertEquals("m.csv line 1 is not the header name,file,url,bytes,sha256,license,description[,format]", header.getMessage());
    }

    private static void assertBad(String rows, String expectedPart) {
        UserException e = assertThrows(UserException.class, () -> parse(rows));
        assertTrue(e.getMessage().contains(expectedPart), () -> "message was: " + e.getMessage());
    }

    @Test
    void missingManifestFileIsAUserError(@org.junit.jupiter.api.io.TempDir Path dir) {
        UserException e = assertThrows(UserException.class, () -> CorpusManifest.read(dir.resolve("none.csv")));
        assertTrue(e.userMessage().startsWith("manifest " + dir.resolve("none.csv") + " does not exist"));
    }

    @Test
    void builtInManifestListsTinyShakespeare() {
        CorpusManifest m = CorpusManifest.builtIn();
        CorpusManifest.Entry e = m.find("tinyshakespeare");
        assertEquals(URI.create("https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"), e.url());
        assertEquals(1115394, e.bytes());
        assertEquals(SHA, e.sha256());
        assertEquals("tinyshakespeare.txt", e.file());
    }

    /**
     * The sizes and checksums in corpora/manifest.csv are those of the shared copies (same file
     * names), for every entry kept as downloaded; converted ones (pickles, zips) have no copy there.
     */
    @Test
    void builtInEntriesMatchTheSharedCopies() throws IOException {
        Path shared = Path.of("../shared/corpora");
        Assumptions.assumeTrue(Files.isDirectory(shared), "shared corpora not present");
        List<Path> folders = List.of(shared.resolve("text"), shared.resolve("midi/piano"));
        int checked = 0;
        for (CorpusManifest.Entry e : CorpusManifest.builtIn().entries()) {
            for (Path folder : folders) {
                Path copy = folder.resolve(e.file());
                if (!Files.isRegularFile(copy)) continue;
                assertTrue(CorpusFetcher.matches(copy, e), e.name() + " does not match " + copy);
                checked++;
            }
        }
        long asIs = CorpusManifest.builtIn().entries().stream().filter(e -> !e.converted()).count();
        assertEquals(asIs, checked, "every built-in entry kept as downloaded has a shared copy");
        assertFalse(CorpusManifest.builtIn().entries().isEmpty());
    }
}
