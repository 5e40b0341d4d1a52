package lstm.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lstm.io.AtomicFile;
import lstm.music.EventCodec;
import lstm.music.MidiReader;
import lstm.music.MidiWriter;
import lstm.music.NoteSequence;
import lstm.music.WavRenderer;
import lstm.sample.EventComposer;
import lstm.train.EventCorpus;
import lstm.train.Model;

/** {@code lstm compose} with an events model: primer, sampling, MIDI out, and WAV if asked. */
final class EventComposing {
    private final ComposeCommand cmd;
    private final EventComposeOptions o;
    private final Model model;

    EventComposing(ComposeCommand cmd, Model model) {
        this.cmd = cmd;
        this.o = cmd.events;
        this.model = model;
    }

    int run() throws IOException {
        double seconds = cmd.length.seconds == null ? 30 : cmd.length.seconds;
        if (!(seconds >= EventCodec.STEP_SECONDS) || seconds > 3600) throw new UsageException("--seconds must be from 0.01 to 3600, got " + seconds);
        if (o.topK < 0) throw new UsageException("--top-k must be 0 (all) or more, got " + o.topK);
        if (!(o.topP > 0 && o.topP <= 1)) throw new UsageException("--top-p must be in (0, 1], got " + o.topP);
        if (!(o.tempo >= 10 && o.tempo <= 400)) throw new UsageException("--tempo must be from 10 to 400 BPM, got " + o.tempo);
        if (o.program < 0 || o.program > 127) throw new UsageException("--program must be a General MIDI instrument 0-127, got " + o.program);
        if (o.maxRepeats < 0) throw new UsageException("--max-repeats must be 0 (no limit) or more, got " + o.maxRepeats);
        if (o.primerSeconds > 3600) throw new UsageException("--primer-seconds must be at most 3600, got " + o.primerSeconds);
        if (o.soundFont != null && o.wav == null) throw new UsageException("--soundfont needs --wav");
        if (o.soundFont != null && !Files.isRegularFile(o.soundFont)) throw new UsageException("--soundfont: no file " + o.soundFont);
        if (cmd.given("--primer-seconds") && cmd.primer == null) throw new UsageException("--primer-seconds needs --primer");
        if (o.dropPrimer && cmd.primer == null) throw new UsageException("--drop-primer needs --primer");

        EventCorpus.Settings settings = EventCorpus.Settings.of(model);
        // the model's vocabulary, with the hold limit of this composition
        EventCodec codec = new EventCodec(new EventCodec.Options(settings.velocity(), o.maxHold, EventCorpus.DEFAULT_VELOCITY));
        int[] primer = new int[0];
        if (cmd.primer != null) {
            NoteSequence piece = new MidiReader(settings.readerOptions(true)).read(List.of(Path.of(cmd.primer))).pieces().get(0).notes();
            primer = EventComposer.primer(codec, piece, o.primerSeconds);
        }
        EventComposer.Options options = new EventComposer.Options(seconds, (float) cmd.temperature, o.topK, o.topP, cmd.seed,
                o.maxSilence, o.maxRepeats);
        EventComposer.Result result = new EventComposer(model.network, codec).compose(primer, options);
        NoteSequence notes = result.notes(codec, !o.dropPrimer);

        ByteArrayOutputStream midi = new ByteArrayOutputStream();
        MidiWriter.write(notes, new MidiWriter.Options(o.tempo, o.program), midi);
        if (cmd.output.equals("-")) {
            cmd.parent.io.out.write(midi.toByteArray());
            cmd.parent.io.out.flush();
        } else {
            AtomicFile.write(Path.of(cmd.output), ByteBuffer.wrap(midi.toByteArray()));
        }
        if (o.wav != null) {
            ByteArrayOutputStream wav = new ByteArrayOutputStream();
            WavRenderer.render(notes, o.program, new WavRenderer.Options(o.soundFont, WavRenderer.Options.DEFAULT.sampleRate(),
                    WavRenderer.Options.DEFAULT.tailSeconds()), wav);
            AtomicFile.write(o.wav, ByteBuffer.wrap(wav.toByteArray()));
        }
        cmd.parent.io.err.printf(Locale.ROOT, "composed %.1f s (%d notes, %d events%s%s%s) with events model %s into %s%s%n",
                notes.duration(), notes.size(), result.composed().length,
                primer.length == 0 ? "" : String.format(Locale.ROOT, ", after %.1f s of primer%s", result.primerSteps() * EventCodec.STEP_SECONDS,
                        o.dropPrimer ? ", left out" : ""),
                result.releases() == 0 ? "" : ", " + result.releases() + " held notes released",
                result.redraws() == 0 ? "" : ", " + result.redraws() + " draws made again",
                cmd.modelPath, cmd.output.equals("-") ? "standard output" : cmd.output, o.wav == null ? "" : " and " + o.wav);
        return Main.OK;
    }
}
