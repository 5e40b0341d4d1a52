package lstm.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import lstm.io.UserException;
import lstm.linalg.JavaEngine;
import lstm.nn.Param;
import org.junit.jupiter.api.Test;

/** Reading piano-roll CSV, and the frame NLL and accuracy against values worked out by hand. */
class FrameNllTest {
    static List<Piece> csv(String text) throws Exception {
        return FrameCsv.read(new StringReader(text), "test.csv");
    }

    @Test
    void csvGivesFramesAndStrikesWhereKeysStart() throws Exception {
        List<Piece> pieces = csv("piece_id,step,pitches\n0,0,60 64\n0,1,60\n0,2,\n1,0,21 108\n");
        assertEquals(2, pieces.size());
        Piece a = pieces.get(0);
        assertEquals(3, a.steps());
        assertTrue(a.play()[0][39] && a.play()[0][43] && a.play()[1][39]);
        assertTrue(a.articulate()[0][39] && !a.articulate()[1][39], "a held key is struck once");
        for (boolean k : a.play()[2]) assertTrue(!k, "an empty field is a rest");
        assertTrue(pieces.get(1).play()[0][0] && pieces.get(1).play()[0][87]);
    }

    @Test
    void csvRejectsNotesOffTheKeyboardAndStepsOutOfOrder() {
        UserException off = assertThrows(UserException.class, () -> csv("piece_id,step,pitches\n0,0,109\n"));
        assertEquals("test.csv line 2: pitch 109 is off the piano keyboard (21-108) (fix or drop the note)", off.userMessage());
        UserException order = assertThrows(UserException.class, () -> csv("piece_id,step,pitches\n0,0,60\n0,2,60\n"));
        assertTrue(order.getMessage().contains("step 2 of piece 0 should be 1"), order.getMessage());
    }

    /**
     * All LSTM weights zero: every hidden state is 0 (g = tanh 0 = 0, so c = 0 and h = 0), and the
     * logits are the output biases: key 39 (MIDI 60) has logit 1, every other key −2.
     * Frame 0 = {60}:     −log σ(1) + 87·(−log(1 − σ(−2)))  = softplus(−1) + 87·softplus(−2)
     * Frame 1 = {60, 64}: softplus(−1) + softplus(2) + 86·softplus(−2)
     */
    @Test
    void rollNllEqualsTheHandComputedValue() throws Exception {
        RollNetwork net = new RollNetwork(new int[] {3, 2}, 0f, new JavaEngine());
        for (Param p : net.params()) Arrays.fill(p.value, 0f);
        Param bias = net.params().get(net.params().size() - 1);
        Arrays.fill(bias.value, -2f);
        bias.value[39] = 1f;
        List<Piece> piece = csv("piece_id,step,pitches\n0,0,60\n0,1,60 64\n");

        FrameEvaluator.Result r = new FrameEvaluator(net, 4, 2).evaluate(piece);
        double frame0 = sp(-1) + 87 * sp(-2);
        double frame1 = sp(-1) + sp(2) + 86 * sp(-2);
        assertEquals(2, r.steps());
        assertEquals((frame0 + frame1) / 2, r.nllPerStep(), 1e-5);
        assertEquals(12.3560, (frame0 + frame1) / 2, 1e-4);  // 0.31326 + 2.12693 + 173 × 0.12693, halved
        // key 60 is predicted on in both frames (σ(1) > 0.5), key 64 is missed: TP 2, FN 1
        assertEquals(2.0 / 3, r.frameAccuracy(), 1e-12);
        // chunks of one step with the state carried give the same result
        assertEquals(r.nllPerStep(), new FrameEvaluator(net, 1, 3).evaluate(piece).nllPerStep(), 1e-6);
    }

    private static double sp(double x) {
        return Math.log1p(Math.exp(x));
    }
}
