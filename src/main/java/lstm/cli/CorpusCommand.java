package lstm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.io.Json;
import lstm.music.MidiZip;
import lstm.poly.RollPickle;
import lstm.text.CorpusFetcher;
import lstm.text.CorpusManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code lstm corpus list|fetch}: the public corpora of the manifest, downloaded and verified. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = {"List public corpora and download them, verified by size and SHA-256.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm corpus list",
                "  lstm corpus fetch tinyshakespeare -o corpora",
                "  lstm train corpora/tinyshakespeare.txt -o shakespeare.lstm --time 10m"},
        subcommands = {CorpusCommand.ListCommand.class, CorpusCommand.FetchCommand.class})
final class CorpusCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--manifest", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read the corpora from this CSV manifest instead of the built-in one.")
    Path manifestFile;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list or fetch");
    }

    CorpusManifest manifest() {
        return manifestFile == null ? CorpusManifest.builtIn() : CorpusManifest.read(manifestFile);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List the corpora 'lstm corpus fetch' can download.", ""})
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        CorpusCommand corpus;

        @Option(names = "--json", description = "Print one JSON object on one line instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            Io io = corpus.parent.io;
            List<CorpusManifest.Entry> entries = corpus.manifest().entries();
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (CorpusManifest.Entry e : entries) list.add(toJson(e));
                io.text.println(Json.write(Map.of("corpora", list)));
                return Main.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "SIZE", "LICENSE", "DESCRIPTION"});
            for (CorpusManifest.Entry e : entries) {
                rows.add(new String[] {e.name(), humanSize(e.bytes()), e.license(), e.description()});
            }
            printTable(io, rows);
            return Main.OK;
        }

        private static Map<String, Object> toJson(CorpusManifest.Entry e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("file", e.file());
            m.put("url", e.url().toString());
            m.put("bytes", e.checksumKnown() ? e.bytes() : null);
            m.put("sha256", e.sha256());
            m.put("format", e.format());
            m.put("license", e.license());
            m.put("description", e.description());
            return m;
        }

        /** Left-aligned columns two spaces apart, except SIZE, which is right-aligned. */
        private static void printTable(Io io, List<String[]> rows) {
            int columns = rows.get(0).length;
            int[] width = new int[columns];
            for (String[] row : rows) {
                for (int c = 0; c < columns; c++) width[c] = Math.max(width[c], row[c].length());
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    if (c > 0) line.append("  ");
                    boolean last = c == columns - 1;
                    if (c == 1) line.append(" ".repeat(width[c] - row[c].length())).append(row[c]);
                    else line.append(last ? row[c] : pad(row[c], width[c]));
                }
                io.text.println(line);
            }
        }

        private static String pad(String s, int width) {
            return s + " ".repeat(width - s.length());
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Download a corpus of the manifest, verify its size and SHA-256, and print its path.",
                    "A verified copy already in the folder is not downloaded again.", ""})
    static final class FetchCommand implements Callable<Integer> {
        @ParentCommand
        CorpusCommand corpus;

        @Parameters(paramLabel = "NAME", description = "Corpus name, as 'lstm corpus list' shows it.")
        String name;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
                description = "Folder to save the file in (created if needed; default: the current folder).")
        Path dir;

        @Option(names = "--trust-on-first-use",
                description = "Fetch a corpus whose checksum the manifest does not know, and record the size and sha256 seen"
                        + " in DIR/FILE.sha256; later fetches check against them.")
        boolean trustOnFirstUse;

        @Override
        public Integer call() {
            Io io = corpus.parent.io;
            CorpusManifest.Entry entry = corpus.manifest().find(name);
            if (java.nio.file.Files.isDirectory(dir)) {
                new OutputPaths().output("-o " + dir + ":", dir.resolve(entry.file())).check();
            } else if (java.nio.file.Files.exists(dir)) {
                throw new UsageException("-o " + dir + " is not a folder; give the folder to save the corpus in");
            }
            CorpusFetcher fetcher = new CorpusFetcher(new Progress(io, entry), CONVERTERS, trustOnFirstUse);
            CorpusFetcher.Result result = fetcher.fetch(entry, dir);
            if (!result.downloaded()) io.err.println("lstm: " + result.path() + " is already there and verified");
            else if (!entry.checksumKnown() && trustOnFirstUse) io.err.println("lstm: fetched " + result.path() + " (trusted, not verified)");
            else if (entry.converted()) io.err.println("lstm: verified size and sha256 of the download and converted it into " + result.path());
            else io.err.println("lstm: verified size and sha256 of " + result.path());
            io.text.println(result.path());
            return Main.OK;
        }
    }

    /** The conversions of the manifest's {@code format} column. */
    static final Map<String, CorpusFetcher.Converter> CONVERTERS = Map.of(
            "pickle-roll", (download, name, folder) -> RollPickle.convert(download, name, folder),
            "zip-midi", (download, name, folder) -> MidiZip.extract(download, name, folder));

    /** Progress lines on stderr: one at the start, then one per quarter of the download. */
    private static final class Progress implements CorpusFetcher.Listener {
        private final Io io;
        private final CorpusManifest.Entry entry;
        private int quartersShown;

        Progress(Io io, CorpusManifest.Entry entry) {
            this.io = io;
            this.entry = entry;
        }

        @Override
        public void replacing(Path existing) {
            io.err.println("lstm: " + existing + " does not match the manifest; downloading it again");
        }

        @Override
        public void downloading(CorpusManifest.Entry e) {
            io.err.println("lstm: fetching " + e.name() + " (" + (e.checksumKnown() ? humanSize(e.bytes()) : "size unknown") + ") from " + e.url());
        }

        @Override
        public void trusted(CorpusManifest.Entry e, long bytes, String sha256, Path record) {
            io.err.println("lstm: trusted on first use: " + e.name() + " is " + bytes + " bytes, sha256 " + sha256 + " (recorded in " + record + ")");
        }

        @Override
        public void progress(long done) {
            if (entry.bytes() <= 0) return;
            int quarters = (int) (4 * done / entry.bytes());
            if (quarters > quartersShown && quarters <= 4) {
                quartersShown = quarters;
                io.err.println("lstm: " + (25 * quarters) + "%");
            }
        }
    }

    /** 1,115,394 → "1.1 MB"; decimal units, as download sizes usually are. */
    static String humanSize(long bytes) {
        if (bytes < 0) return "?";
        if (bytes < 1000) return bytes + " B";
        if (bytes < 1_000_000) return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        if (bytes < 1_000_000_000) return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
