package lstm.poly;

import java.util.ArrayList;
import java.util.List;
import lstm.linalg.Rng;
import lstm.nn.Param;

/** Small pieces and networks for the frame-model tests. */
final class PolyFixtures {
    private PolyFixtures() {}

    /** A random piece: each key in [low, high) sounds with probability density at each step. */
    static Piece randomPiece(Rng rng, int steps, int low, int high, double density) {
        boolean[][] play = new boolean[steps][Keyboard.KEYS];
        for (int t = 0; t < steps; t++) {
            for (int k = low; k < high; k++) play[t][k] = rng.nextDouble() < density;
        }
        return Piece.fromRoll("random", play);
    }

    /** A chorale-like loop: four chords of four notes, each held for two steps, repeated. */
    static Piece chordLoop(int steps, int shift) {
        int[][] chords = {{48, 64, 67, 72}, {53, 65, 69, 72}, {55, 62, 67, 71}, {48, 64, 67, 72}};
        boolean[][] play = new boolean[steps][Keyboard.KEYS];
        for (int t = 0; t < steps; t++) {
            for (int note : chords[(t / 2 + shift) % chords.length]) play[t][Keyboard.key(note)] = true;
        }
        return Piece.fromRoll("loop" + shift, play);
    }

    static List<Piece> chordLoops(int count, int steps) {
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(chordLoop(steps, i));
        return out;
    }

    /** Spreads parameters so that gradients are not tiny. */
    static void randomize(List<Param> params, Rng rng, double scale) {
        for (Param p : params) {
            for (int i = 0; i < p.size(); i++) p.value[i] = (float) ((2 * rng.nextDouble() - 1) * scale);
        }
    }
}
