package lstm.poly;

/**
 * One piece as frames on a fixed grid: {@code play[t][k]} is true when key k sounds at step t,
 * {@code articulate[t][k]} when it is (re-)struck there. A rest is a frame with no keys.
 */
public record Piece(String name, boolean[][] play, boolean[][] articulate) {

    public int steps() {
        return play.length;
    }

    /**
     * A piece from sounding keys only (piano-roll CSV): a key counts as struck where it starts to
     * sound, since a roll cannot tell a held note from a repeated one.
     */
    public static Piece fromRoll(String name, boolean[][] play) {
        boolean[][] articulate = new boolean[play.length][Keyboard.KEYS];
        for (int t = 0; t < play.length; t++) {
            for (int k = 0; k < Keyboard.KEYS; k++) articulate[t][k] = play[t][k] && (t == 0 || !play[t - 1][k]);
        }
        return new Piece(name, play, articulate);
    }
}
