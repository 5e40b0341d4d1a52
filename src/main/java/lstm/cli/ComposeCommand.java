package lstm.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lstm.io.AtomicFile;
import lstm.music.MidiFormatException;
import lstm.music.MidiReader;
import lstm.music.MidiWriter;
import lstm.music.NoteSequence;
import lstm.music.TimeGrid;
import lstm.music.WavRenderer;
import lstm.poly.BiaxialNetwork;
import lstm.poly.RollNetwork;
import lstm.train.EventCorpus;
import lstm.train.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "compose", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Compose music with an events, roll or biaxial model, written as MIDI (type 1).",
                "Every kind takes the same options for length, primer, sampling, tempo,",
                "instrument, velocity, WAV and count. A roll or biaxial model composes on",
                "the grid it was trained on (16th notes for MIDI), at the tempo it learned",
                "unless --tempo is given.",
                "Events models draw performance events one at a time; a note held past",
                "--max-hold is released, and a draw that would keep silence past --max-silence",
                "or strike one pitch more than --max-repeats times in a row is made again.",
                "Roll and biaxial models sample frames; while fewer than --min-notes keys sound,",
                "every key's probability is raised (adaptive sampling), so the music keeps going.",
                "A line on stderr counts what each file holds: notes, seconds, tempo and grid.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm compose folk.lstm -o tune.mid --seconds 30 --seed 7 --wav tune.wav",
                "  lstm compose folk.lstm -o - --primer jigs12.mid --primer-seconds 4 --temperature 0.9 --tempo 100 --program 73 > tune.mid",
                "  lstm compose jsb-biaxial.lstm -o chorale.mid --seconds 30 --seed 7 --count 5 --wav chorale.wav",
                "  lstm compose jsb-roll.lstm -o - --steps 64 --temperature 0.8 --primer jsb/valid.csv --primer-steps 8 > out.mid"})
final class ComposeCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "An events, roll or biaxial model written by 'lstm train'.")
    Path modelPath;

    @Mixin
    ComposeOptions options = new ComposeOptions();

    @Mixin
    FrameComposeOptions frames = new FrameComposeOptions();

    @Mixin
    EventComposeOptions events = new EventComposeOptions();

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    /** One model kind's way to compose: the notes of one composition for a seed. */
    interface Kind {
        Composed compose(long seed);
    }

    /** The notes of one composition, and what to say about how they were made. */
    record Composed(NoteSequence notes, String detail) {}

    @Override
    public Integer call() throws IOException {
        options.check();
        OutputPaths paths = new OutputPaths().input("", modelPath).input("--primer", options.primer).input("--soundfont", options.soundFont);
        for (int i = 1; i <= options.count; i++) paths.output("-o", options.midiOutput(i)).output("--wav", options.wavOutput(i));
        paths.check();
        Model model = ModelOptions.load(modelPath, engineOptions.engine(), RollNetwork.KIND, BiaxialNetwork.KIND, EventCorpus.KIND);
        TimeGrid grid = TimeGrid.read(model.codec);
        boolean eventsModel = model.kind.equals(EventCorpus.KIND);
        if (eventsModel) rejectGiven("for events models (they are for roll and biaxial)", FrameComposeOptions.NAMES);
        else rejectGiven("for roll and biaxial models (they are for events models)", EventComposeOptions.NAMES);
        double bpm = tempo(grid);
        double written = grid.writtenBpm(bpm);
        Kind kind = eventsModel ? new EventComposing(options, events, model) : new FrameComposing(options, frames, model, grid, bpm);
        for (int i = 1; i <= options.count; i++) {
            Composed composed = kind.compose(options.seed + i - 1);
            ByteArrayOutputStream midi = new ByteArrayOutputStream();
            MidiWriter.write(composed.notes(), new MidiWriter.Options(written, options.program), midi);
            String output = options.midiOutput(i);
            if (output.equals("-")) {
                parent.io.out.write(midi.toByteArray());
                parent.io.out.flush();
            } else {
                AtomicFile.write(Path.of(output), ByteBuffer.wrap(midi.toByteArray()));
            }
            Path wav = options.wavOutput(i);
            if (wav != null) {
                ByteArrayOutputStream audio = new ByteArrayOutputStream();
                WavRenderer.render(composed.notes(), options.program, new WavRenderer.Options(options.soundFont,
                        WavRenderer.Options.DEFAULT.sampleRate(), WavRenderer.Options.DEFAULT.tailSeconds()), audio);
                AtomicFile.write(wav, ByteBuffer.wrap(audio.toByteArray()));
            }
            parent.io.err.println(summary(output, wav, midi.toByteArray(), grid, written,
                    composed.detail() + (options.count > 1 ? ", seed " + (options.seed + i - 1) : "")));
        }
        return Main.OK;
    }

    /** --tempo, else the tempo the model learned at, else the default, said on stderr. Kept within what a file can state. */
    private double tempo(TimeGrid grid) {
        if (options.tempo != null) return options.tempo;
        if (grid.tempoBpm() != null) return Math.max(10, Math.min(400, grid.tempoBpm()));
        parent.io.err.printf(Locale.ROOT, "%s records no tempo (trained on piano-roll CSV, or by an older lstm): composing at %s BPM (choose one with --tempo)%n",
                modelPath, TimeGrid.formatNumber(TimeGrid.DEFAULT_BPM));
        return TimeGrid.DEFAULT_BPM;
    }

    /**
     * "wrote x.mid: 169 notes, 42.0 s, 120 BPM, 16th-note grid (...)": the notes, length and tempo
     * read back from the bytes written, so the line counts what the file holds.
     */
    static String summary(String output, Path wav, byte[] midi, TimeGrid grid, double writtenBpm, String detail) {
        int notes = 0;
        double seconds = 0, bpm = writtenBpm;
        try {
            MidiReader.Timed back = new MidiReader(MidiReader.Options.DEFAULT).readTimed(midi);
            notes = back.notes().size();
            seconds = back.notes().duration();
            if (back.tempo().bpm().isPresent()) bpm = back.tempo().bpm().getAsDouble();
        } catch (MidiFormatException e) {
            // no notes at all: nothing to count
        }
        return String.format(Locale.ROOT, "wrote %s%s: %d notes, %.1f s, %s BPM, %s (%s)",
                output.equals("-") ? "standard output" : output, wav == null ? "" : " and " + wav, notes, seconds,
                TimeGrid.formatNumber(bpm), grid.describe(), detail);
    }

    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private void rejectGiven(String why, String... names) {
        for (String option : names) if (given(option)) throw new UsageException(option + " does not apply " + why);
    }
}
