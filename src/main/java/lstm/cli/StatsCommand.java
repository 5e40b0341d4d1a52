package lstm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.io.Json;
import lstm.io.UserException;
import lstm.music.MidiReader;
import lstm.plot.DensityPlot;
import lstm.stats.MidiSet;
import lstm.stats.MusicStats;
import lstm.stats.NoteLength;
import lstm.stats.SetComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lstm stats}: musical statistics of MIDI files, and how close samples are to reference music. */
@Command(name = "stats", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Musical statistics of MIDI files after Yang & Lerch (2020), per piece",
                "and for the set: pitch range and classes, the pitch-class histogram and its",
                "transitions, polyphony, note density, note lengths, inter-onset intervals,",
                "velocity, and the key (Krumhansl-Schmuckler) with the share of notes in it.",
                "With --compare REFERENCE SAMPLES: for each feature, the overlap and KL",
                "divergence of the distances within the reference and between reference and",
                "samples (1 and 0: the samples are as close to the reference as its pieces are",
                "to each other), and a closing verdict.",
                "Files that are not readable MIDI are skipped with one line each.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm stats tune.mid",
                "  lstm stats corpora/nottingham-midi/train --json | jq .set.key",
                "  lstm stats --compare corpora/nottingham-midi/train gen --plot compare.png"})
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "MIDI files and folders (read recursively); with --compare exactly two: REFERENCE SAMPLES.")
    List<Path> inputs;

    @Option(names = "--compare", description = "Compare SAMPLES with REFERENCE (each a file or folder) by Yang & Lerch's method.")
    boolean compare;

    @Option(names = "--plot", paramLabel = "PNG", description = "With --compare: draw the distance distributions of every feature into this PNG.")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object on one line instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (plot != null && !compare) throw new UsageException("--plot draws a comparison; add --compare REFERENCE SAMPLES");
        if (compare && inputs.size() != 2) {
            throw new UsageException("--compare takes two inputs, REFERENCE and SAMPLES, got " + inputs.size());
        }
        return compare ? compare() : describe();
    }

    private int describe() {
        MidiSet set = read(inputs, "the inputs");
        List<MusicStats> pieces = new ArrayList<>();
        for (MidiSet.Piece p : set.pieces()) pieces.add(MusicStats.of(p.path().toString(), p.notes(), p.beatSeconds()));
        MusicStats all = MusicStats.ofSet("all", set.notes(), set.beatSeconds());
        PrintWriter out = parent.io.text;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pieces", pieces.stream().map(StatsCommand::toJson).toList());
            m.put("set", toJson(all));
            m.put("skipped", skippedJson(set));
            out.println(Json.write(m));
            return Main.OK;
        }
        printTable(out, pieces, all);
        return Main.OK;
    }

    private int compare() {
        MidiSet reference = read(List.of(inputs.get(0)), "REFERENCE " + inputs.get(0));
        MidiSet samples = read(List.of(inputs.get(1)), "SAMPLES " + inputs.get(1));
        if (reference.pieces().size() < 2) {
            throw new UserException("REFERENCE " + inputs.get(0) + " has " + reference.pieces().size()
                    + " usable piece; the comparison needs at least 2", "give a folder of reference MIDI files");
        }
        SetComparison result = SetComparison.compare(items(reference), items(samples));
        if (plot != null) {
            DensityPlot.write(panels(result), plot);
            parent.io.err.println("lstm: wrote " + plot);
        }
        PrintWriter out = parent.io.text;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reference", Map.of("path", inputs.get(0).toString(), "pieces", result.referencePieces()));
            m.put("samples", Map.of("path", inputs.get(1).toString(), "pieces", result.samplePieces()));
            List<Map<String, Object>> features = new ArrayList<>();
            for (SetComparison.Result r : result.results()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("feature", r.feature().key);
                f.put("overlap", r.overlap());
                f.put("kl", r.kl());
                f.put("intra_pairs", r.intraPairs());
                f.put("inter_pairs", r.interPairs());
                features.add(f);
            }
            m.put("features", features);
            m.put("mean_overlap", result.meanOverlap());
            m.put("mean_kl", result.meanKl());
            m.put("verdict", result.verdict());
            m.put("summary", result.summary());
            out.println(Json.write(m));
            return Main.OK;
        }
        out.printf(Locale.ROOT, "reference %s: %d pieces; samples %s: %d pieces%n",
                inputs.get(0), result.referencePieces(), inputs.get(1), result.samplePieces());
        out.printf(Locale.ROOT, "%-24s %8s %8s %12s %12s%n", "feature", "overlap", "KL", "intra pairs", "inter pairs");
        for (SetComparison.Result r : result.results()) {
            out.printf(Locale.ROOT, "%-24s %8.3f %8.3f %,12d %,12d%n", r.feature().key, r.overlap(), r.kl(), r.intraPairs(), r.interPairs());
        }
        out.println(result.summary());
        return Main.OK;
    }

    /** Reads the inputs, says which files were skipped; fails when nothing usable remains. */
    private MidiSet read(List<Path> paths, String what) {
        MidiSet set = MidiSet.read(paths);
        for (MidiReader.Skipped s : set.skipped()) parent.io.err.println("lstm: " + s.line());
        if (set.pieces().isEmpty()) {
            throw new UserException("no usable MIDI in " + what + " (" + set.skipped().size() + " skipped)",
                    "give standard MIDI files (.mid) with notes");
        }
        return set;
    }

    /** A piece's identity is its real path, so that a file in both sets is recognised as one piece. */
    private static List<SetComparison.Item> items(MidiSet set) {
        List<SetComparison.Item> items = new ArrayList<>();
        for (MidiSet.Piece p : set.pieces()) {
            Path id;
            try {
                id = p.path().toRealPath();
            } catch (java.io.IOException e) {
                id = p.path().toAbsolutePath().normalize();
            }
            items.add(new SetComparison.Item(id, MusicStats.of(p.path().toString(), p.notes(), p.beatSeconds())));
        }
        return items;
    }

    private static List<DensityPlot.Panel> panels(SetComparison result) {
        List<DensityPlot.Panel> panels = new ArrayList<>();
        for (SetComparison.Result r : result.results()) {
            List<DensityPlot.Curve> curves = new ArrayList<>();
            curves.add(new DensityPlot.Curve("reference intra-set", r.referenceIntra(), false));
            curves.add(new DensityPlot.Curve("inter-set", r.inter(), false));
            if (r.sampleIntra() != null) curves.add(new DensityPlot.Curve("samples intra-set", r.sampleIntra(), true));
            panels.add(new DensityPlot.Panel(String.format(Locale.ROOT, "%s  (OA %.2f, KL %.2f)", r.feature().key, r.overlap(), r.kl()),
                    r.grid(), curves));
        }
        return panels;
    }

    private static void printTable(PrintWriter out, List<MusicStats> pieces, MusicStats all) {
        int nameWidth = "piece".length();
        for (MusicStats s : pieces) nameWidth = Math.max(nameWidth, s.name().length());
        String allName = pieces.size() == 1 ? null : "all (" + pieces.size() + " pieces)";
        if (allName != null) nameWidth = Math.max(nameWidth, allName.length());
        String format = "%-" + nameWidth + "s %7s %9s %11s %4s %6s %8s %10s %7s %8s %-9s %7s%n";
        out.printf(Locale.ROOT, format, "piece", "notes", "seconds", "range", "pcs", "poly", "notes/s", "notes/beat", "IOI s",
                "velocity", "key", "in key");
        for (MusicStats s : pieces) row(out, format, s.name(), s);
        if (allName != null) row(out, format, allName, all);
        out.println();
        StringBuilder pcs = new StringBuilder("pitch classes ");
        String[] names = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
        for (int i = 0; i < 12; i++) pcs.append(String.format(Locale.ROOT, " %s %.1f%%", names[i], 100 * all.pitchClassHistogram()[i]));
        out.println(pcs);
        StringBuilder lengths = new StringBuilder("note lengths  ");
        for (int i = 0; i < NoteLength.CLASSES; i++) {
            if (all.noteLengthHistogram()[i] > 0) lengths.append(String.format(Locale.ROOT, " %s %.1f%%", NoteLength.NAMES[i], 100 * all.noteLengthHistogram()[i]));
        }
        out.println(lengths + "  (of a whole note; . dotted, t triplet)");
    }

    private static void row(PrintWriter out, String format, String name, MusicStats s) {
        out.printf(Locale.ROOT, format, name, String.format(Locale.ROOT, "%,d", s.notes()), String.format(Locale.ROOT, "%.1f", s.seconds()),
                s.lowest() + "-" + s.highest() + " (" + s.pitchRange() + ")", s.pitchClassesUsed(),
                String.format(Locale.ROOT, "%.2f", s.polyphony()), String.format(Locale.ROOT, "%.2f", s.notesPerSecond()),
                String.format(Locale.ROOT, "%.2f", s.notesPerBeat()), String.format(Locale.ROOT, "%.3f", s.interOnset()),
                String.format(Locale.ROOT, "%.1f", s.velocity()), s.key().name(), String.format(Locale.ROOT, "%.1f%%", 100 * s.inKey()));
    }

    static Map<String, Object> toJson(MusicStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("pieces", s.pieces());
        m.put("notes", s.notes());
        m.put("seconds", s.seconds());
        m.put("beats", s.beats());
        m.put("lowest", s.lowest());
        m.put("highest", s.highest());
        m.put("pitch_range", s.pitchRange());
        m.put("pitch_count", s.pitchCount());
        m.put("pitch_classes_used", s.pitchClassesUsed());
        m.put("pitch_class_histogram", list(s.pitchClassHistogram()));
        m.put("pitch_class_transitions", list(s.pitchClassTransitions()));
        m.put("pitch_interval", s.pitchInterval());
        m.put("polyphony", s.polyphony());
        m.put("notes_per_second", s.notesPerSecond());
        m.put("notes_per_beat", s.notesPerBeat());
        m.put("inter_onset_interval", s.interOnset());
        m.put("note_length_classes", List.of(NoteLength.NAMES));
        m.put("note_length_histogram", list(s.noteLengthHistogram()));
        m.put("note_length_transitions", list(s.noteLengthTransitions()));
        m.put("velocity", s.velocity());
        m.put("key", s.key().name());
        m.put("key_correlation", s.key().correlation());
        m.put("in_key", s.inKey());
        return m;
    }

    /** Json writes lists, not primitive arrays. */
    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) out.add(v);
        return out;
    }

    private static List<List<Double>> list(double[][] rows) {
        List<List<Double>> out = new ArrayList<>(rows.length);
        for (double[] row : rows) out.add(list(row));
        return out;
    }

    private static List<Map<String, Object>> skippedJson(MidiSet set) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MidiReader.Skipped s : set.skipped()) list.add(Map.of("path", s.path().toString(), "reason", s.reason()));
        return list;
    }
}
