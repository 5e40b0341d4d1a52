package lstm.cli;

import java.util.Arrays;
import java.util.List;
import lstm.music.TimeGrid;
import lstm.poly.Composer;
import lstm.poly.FrameMidi;
import lstm.poly.FrameSource;
import lstm.poly.Piece;
import lstm.poly.PolyNetwork;
import lstm.train.Model;

/** {@code lstm compose} with a roll or biaxial model, on the model's grid at the composition's tempo. */
final class FrameComposing implements ComposeCommand.Kind {
    private static final int DEFAULT_PRIMER_STEPS = 16;
    private final ComposeOptions o;
    private final Composer composer;
    private final double stepSeconds;
    private final int steps;
    private final Piece primer;

    FrameComposing(ComposeOptions o, FrameComposeOptions f, Model model, TimeGrid grid, double bpm) {
        this.o = o;
        if (f.minNotes < 0) throw new UsageException("--min-notes must not be negative, got " + f.minNotes);
        if (f.primerSteps != null && f.primerSteps < 1) throw new UsageException("--primer-steps must be at least 1, got " + f.primerSteps);
        if (f.primerSteps != null && o.primer == null) throw new UsageException("--primer-steps needs --primer");
        if (f.primerSteps != null && o.primerSeconds != null) throw new UsageException("--primer-steps and --primer-seconds cannot be used together; give one");
        stepSeconds = grid.stepSeconds(bpm);
        steps = o.steps != null ? o.steps : (int) Math.ceil((o.seconds != null ? o.seconds : 30) / stepSeconds - 1e-9);
        if (steps * stepSeconds > ComposeOptions.MAX_SECONDS + 1e-9) {
            throw new UsageException("--steps must give at most an hour of music, got " + steps + " steps of " + stepSeconds + " s");
        }
        composer = new Composer((PolyNetwork) model.net, o.temperature, f.minNotes);
        if (o.primer != null) {
            Piece first = FrameSource.readCorpus(List.of(o.primer), grid.stepsPerQuarter()).pieces().get(0);
            int wanted = o.primerSeconds != null ? (int) Math.max(1, Math.round(o.primerSeconds / stepSeconds))
                    : f.primerSteps != null ? f.primerSteps : DEFAULT_PRIMER_STEPS;
            int n = Math.min(wanted, first.steps());
            primer = new Piece("primer", Arrays.copyOf(first.play(), n), Arrays.copyOf(first.articulate(), n));
        } else {
            primer = null;
        }
    }

    @Override
    public ComposeCommand.Composed compose(long seed) {
        Piece piece = composer.compose(primer, steps, seed);
        int primed = primer == null ? 0 : primer.steps();
        if (o.dropPrimer) {
            int total = piece.steps();
            piece = new Piece(piece.name(), Arrays.copyOfRange(piece.play(), primed, total), Arrays.copyOfRange(piece.articulate(), primed, total));
        }
        String detail = steps + " steps" + (primer == null ? "" : o.dropPrimer ? ", " + primed + " primer steps left out" : " after " + primed + " primer steps");
        return new ComposeCommand.Composed(FrameMidi.notes(piece, stepSeconds, o.velocity != null ? o.velocity : FrameMidi.VELOCITY), detail);
    }
}
