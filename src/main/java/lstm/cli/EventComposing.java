package lstm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lstm.music.EventCodec;
import lstm.music.MidiReader;
import lstm.music.NoteSequence;
import lstm.sample.EventComposer;
import lstm.train.EventCorpus;
import lstm.train.Model;

/** {@code lstm compose} with an events model: the options checked and the primer read once, then one composition per seed. */
final class EventComposing implements ComposeCommand.Kind {
    private final ComposeOptions o;
    private final EventComposeOptions e;
    private final Model model;
    private final EventCodec codec;
    private final boolean learnedVelocity;
    private final double seconds;
    private final int[] primer;

    EventComposing(ComposeOptions o, EventComposeOptions e, Model model) {
        this.o = o;
        this.e = e;
        this.model = model;
        if (o.steps != null && o.steps > ComposeOptions.MAX_SECONDS * EventCodec.STEPS_PER_SECOND) {
            throw new UsageException("--steps must be at most 360000 (an hour of 10 ms steps), got " + o.steps);
        }
        if (e.topK < 0) throw new UsageException("--top-k must be 0 (all) or more, got " + e.topK);
        if (!(e.topP > 0 && e.topP <= 1)) throw new UsageException("--top-p must be in (0, 1], got " + e.topP);
        if (e.maxRepeats < 0) throw new UsageException("--max-repeats must be 0 (no limit) or more, got " + e.maxRepeats);
        seconds = o.steps != null ? o.steps * EventCodec.STEP_SECONDS : o.seconds != null ? o.seconds : 30;

        EventCorpus.Settings settings = EventCorpus.Settings.of(model);
        learnedVelocity = settings.velocity();
        // the model's vocabulary, with the hold limit of this composition; a model without
        // velocity tokens plays every note at --velocity
        codec = new EventCodec(new EventCodec.Options(settings.velocity(), e.maxHold, o.velocity != null ? o.velocity : EventCorpus.DEFAULT_VELOCITY));
        if (o.primer != null) {
            NoteSequence piece = new MidiReader(settings.readerOptions(true)).read(List.of(Path.of(o.primer))).pieces().get(0).notes();
            primer = EventComposer.primer(codec, piece, o.primerSeconds != null ? o.primerSeconds : 5);
        } else {
            primer = new int[0];
        }
    }

    @Override
    public ComposeCommand.Composed compose(long seed) {
        EventComposer.Options options = new EventComposer.Options(seconds, (float) o.temperature, e.topK, e.topP, seed,
                e.maxSilence, e.maxRepeats);
        EventComposer.Result result = new EventComposer(model.network, codec).compose(primer, options);
        NoteSequence notes = result.notes(codec, !o.dropPrimer);
        // a model that learned velocity plays its own dynamics unless --velocity asks for one
        if (learnedVelocity && o.velocity != null) notes = notes.withVelocity(o.velocity);
        String detail = String.format(Locale.ROOT, "%d events%s%s%s", result.composed().length,
                primer.length == 0 ? "" : String.format(Locale.ROOT, ", after %.1f s of primer%s", result.primerSteps() * EventCodec.STEP_SECONDS,
                        o.dropPrimer ? ", left out" : ""),
                result.releases() == 0 ? "" : ", " + result.releases() + " held notes released",
                result.redraws() == 0 ? "" : ", " + result.redraws() + " draws made again");
        return new ComposeCommand.Composed(notes, detail);
    }
}
