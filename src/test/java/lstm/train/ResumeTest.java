package lstm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import lstm.linalg.JavaEngine;
import lstm.linalg.Rng;
import lstm.nn.CellType;
import lstm.nn.Network;
import lstm.nn.NetworkConfig;
import lstm.nn.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training to N, saving and resuming to M gives the same bits as training to M at once. */
class ResumeTest {
    @TempDir
    Path dir;

    static TokenData corpus() {
        Rng rng = new Rng(3);
        int[] doc = new int[3000];
        for (int i = 0; i < doc.length; i++) doc[i] = (i % 7 == 0) ? rng.nextInt(5) : (doc[Math.max(0, i - 1)] + 1) % 9;
        return TokenData.split(List.of(doc), 0.1);
    }

    static Model freshModel(CellType cell, String optimizer) {
        Network net = new Network(new NetworkConfig(cell, 9, 16, 2, 0, 0.25f), new JavaEngine());
        net.initialize(new Rng(1));
        TrainOptions o = new TrainOptions();
        o.batchSize = 4;
        o.seqLength = 10;
        o.optimizer = optimizer;
        o.schedule = "step";
        o.lrDecayEvery = 7;
        o.lrDecay = 0.9f;
        o.warmupSteps = 5;
        o.evalEvery = 6;
        o.checkpointEvery = 4;
        return new Model(CharCorpus.KIND, net, java.util.Map.of("code_points", List.of()), o, new TrainingState());
    }

    static Model train(Path file, Model model, java.util.Map<String, float[]> resume, long steps) {
        model.options.maxSteps = steps;
        new Trainer(model, resume, corpus(), file, null).run(new TrainingListener() {}, () -> false);
        return model;
    }

    static void assertResumeIsExact(Path dir, CellType cell, String optimizer) {
        // 3000 tokens, batch 4 × seq 10: 67 chunks per epoch, so 100 steps cross an epoch boundary
        Model once = train(dir.resolve("once.lstm"), freshModel(cell, optimizer), null, 100);
        Path split = dir.resolve("split.lstm");
        train(split, freshModel(cell, optimizer), null, 45);
        ModelFile.Loaded loaded = ModelFile.load(split, new JavaEngine());
        Model resumed = train(split, loaded.model(), loaded.resumeTensors(), 100);
        assertEquals(once.state.step, resumed.state.step);
        assertEquals(once.state.epoch, resumed.state.epoch);
        List<Param> a = once.network.params(), b = resumed.network.params();
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i).value, b.get(i).value, a.get(i).name);
        assertEquals(once.state.lastValLoss, resumed.state.lastValLoss);
        ModelFile.Loaded reloaded = ModelFile.load(split, new JavaEngine());
        assertArrayEquals(a.get(0).value, reloaded.model().network.params().get(0).value);
    }

    @Test
    void resumedLstmWithAdamIsBitIdentical() {
        assertResumeIsExact(dir, CellType.LSTM, "adam");
    }

    @Test
    void resumedLstmWithRmspropAndSgdIsBitIdentical() {
        assertResumeIsExact(dir, CellType.LSTM, "rmsprop");
        assertResumeIsExact(dir.resolve(".."), CellType.LSTM, "sgd");
    }

    @Test
    void resumedGruIsBitIdentical() {
        assertResumeIsExact(dir, CellType.GRU, "adam");
    }

    /** Peepholes are parameters of their own, with their own optimizer moments. */
    @Test
    void resumedPeepholeLstmIsBitIdentical() {
        assertResumeIsExact(dir, CellType.PEEPHOLE, "adam");
    }

    @Test
    void validationLossEqualsEvaluatorOnTheHeldOutText() {
        Model m = train(dir.resolve("v.lstm"), freshModel(CellType.LSTM, "adam"), null, 12);
        double eval = new Evaluator(m.network, 10, 4).evaluate(corpus().validation()).meanNats();
        assertEquals(m.state.lastValLoss, eval);
        assertEquals(299, new Evaluator(m.network, 10, 4).evaluate(corpus().validation()).predicted());
    }
}
