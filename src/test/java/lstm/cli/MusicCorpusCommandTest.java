package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lstm.text.CorpusFetcher;
import lstm.text.MusicCorpusFetchTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MusicCorpusCommandTest {
    @TempDir
    Path tmp;

    @Test
    void fetchConvertsAPickleAndRefusesAnUnknownChecksumWithoutTrust() throws IOException {
        Path source = Files.write(tmp.resolve("JSB Chorales.pickle"), MusicCorpusFetchTest.PY2_PICKLE);
        String sha = CorpusFetcher.sha256(source);
        long size = Files.size(source);
        Path manifest = Files.writeString(tmp.resolve("m.csv"), "name,file,url,bytes,sha256,license,description,format\n"
                + "jsb,jsb,"  + source.toUri() + "," + size + "," + sha + ",pd,rolls,pickle-roll\n"
                + "open,open," + source.toUri() + ",unknown,unknown,pd,rolls,pickle-roll\n"
                + "wrong,wrong," + source.toUri() + "," + size + "," + "f".repeat(64) + ",pd,rolls,pickle-roll\n");
        Path out = tmp.resolve("corpora");

        CliRun r = CliRun.run("corpus", "fetch", "jsb", "--manifest", manifest.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(out.resolve("jsb") + "\n", r.text());
        assertEquals("lstm: fetching jsb (" + size + " B) from " + source.toUri() + "\nlstm: 100%\n"
                + "lstm: verified size and sha256 of the download and converted it into " + out.resolve("jsb") + "\n", r.err());
        assertEquals("piece_id,step,pitches\n0,0,60 64\n0,1,72\n0,2,\n", Files.readString(out.resolve("jsb/train.csv")));

        CliRun.assertOneLineError(CliRun.run("corpus", "fetch", "open", "--manifest", manifest.toString(), "-o", out.toString()), 1,
                "the manifest has no size and sha256 for 'open'");
        CliRun wrong = CliRun.run("corpus", "fetch", "wrong", "--manifest", manifest.toString(), "-o", out.toString());
        assertEquals(1, wrong.code());
        assertEquals("lstm: download of 'wrong' from " + source.toUri() + " has sha256 " + sha + ", expected " + "f".repeat(64)
                + " (the file there is not the one the manifest describes; nothing was written)", wrong.err().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertFalse(Files.exists(out.resolve("wrong")));

        CliRun trusted = CliRun.run("corpus", "fetch", "open", "--trust-on-first-use", "--manifest", manifest.toString(), "-o", out.toString());
        assertEquals(0, trusted.code(), trusted.err());
        assertEquals("lstm: fetching open (size unknown) from " + source.toUri() + "\n"
                + "lstm: trusted on first use: open is " + size + " bytes, sha256 " + sha + " (recorded in " + out.resolve("open.sha256") + ")\n"
                + "lstm: fetched " + out.resolve("open") + " (trusted, not verified)\n", trusted.err());
    }
}
