package lstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import lstm.io.OptionException;
import lstm.io.UserException;
import lstm.linalg.JavaEngine;
import lstm.nn.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training loop loses nothing when something else fails: a listener's failure (the metrics
 * log on a full disk) saves the model before it is reported; a diverging loss saves nothing. And
 * {@link TrainingStart}'s rules for a resumed model hold for the token kinds through the library.
 */
class TrainerSafetyTest {
    @TempDir
    Path dir;

    /** Case 9: the log cannot be written at step 3: the model is saved at step 3 first, and the failure says so. */
    @Test
    void listenerFailureSavesTheModelFirst() {
        Model model = ResumeTest.freshModel(CellType.LSTM, "adam");
        model.options.maxSteps = 100;
        model.options.checkpointEvery = 0;
        Path out = dir.resolve("m.lstm");
        TrainingListener fullDisk = new TrainingListener() {
            @Override
            public void onStep(Progress p) {
                if (p.step() == 3) throw new UserException("cannot write the log log.csv: No space left on device", null);
            }
        };
        UserException e = assertThrows(UserException.class,
                () -> new Trainer(model, null, ResumeTest.corpus(), out, null).run(fullDisk, () -> false));
        assertEquals("cannot write the log log.csv: No space left on device (the model was saved at step 3 in " + out
                + "; fix that, then continue with --resume)", e.userMessage());
        assertEquals(3, ModelFile.load(out, new JavaEngine()).model().state.step);
    }

    /** Case 4: a NaN loss stops at once with the step, and nothing is written. */
    @Test
    void divergenceSavesNothing() {
        Model model = ResumeTest.freshModel(CellType.GRU, "sgd");
        model.options.maxSteps = 100;
        model.options.learningRate = 3e38f;
        model.options.warmupSteps = 0;
        model.options.gradClip = 0;
        Path out = dir.resolve("nan.lstm");
        UserException e = assertThrows(UserException.class,
                () -> new Trainer(model, null, ResumeTest.corpus(), out, null).run(new TrainingListener() {}, () -> false));
        assertTrue(e.getMessage().startsWith("training diverged at step "), e.getMessage());
        assertFalse(Files.exists(out));
    }

    static Requested requested(Map<String, Object> changes) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("--cell", "lstm");
        v.put("--layers", 1);
        v.put("--hidden", 8);
        v.put("--embedding", 0);
        v.put("--dropout", 0f);
        v.put("--keep-cr", false);
        TrainOptions d = new TrainOptions();
        v.putAll(d.asOptions());
        v.putAll(changes);
        Set<String> given = new HashSet<>(changes.keySet());
        return new Requested(v, given);
    }

    /** Case 10 through the library: a resumed model keeps its options; a given different one is refused, an equal one accepted. */
    @Test
    void resumeRefusesChangedOptions() {
        Map<String, Object> codec = CharCorpus.codec(new lstm.text.Vocabulary(new int[] {'a', 'b', 'c'}), false);
        Model model = TrainingStart.create(TokenKind.TEXT, requested(Map.of()), codec, new JavaEngine());
        Path out = dir.resolve("r.lstm");
        model.state.rng = new lstm.linalg.Rng(1).state();
        ModelFile.save(out, model, Map.of());
        for (Map<String, Object> change : java.util.List.<Map<String, Object>>of(Map.of("--lr", 0.5f), Map.of("--batch-size", 7),
                Map.of("--grad-clip", 1f), Map.of("--hidden", 9), Map.of("--cell", "gru"), Map.of("--keep-cr", true))) {
            OptionException e = assertThrows(OptionException.class,
                    () -> TrainingStart.resume(TokenKind.TEXT, out, requested(change), new JavaEngine()));
            String option = change.keySet().iterator().next();
            assertTrue(e.getMessage().startsWith(option + " " + change.get(option) + " differs from the model's"), e.getMessage());
        }
        TrainingStart.Resumed same = TrainingStart.resume(TokenKind.TEXT, out, requested(Map.of("--lr", 2e-3f, "--hidden", 8)), new JavaEngine());
        assertEquals(8, same.model().network.config.hidden());
        UserException kind = assertThrows(UserException.class,
                () -> TrainingStart.resume(TokenKind.EVENTS, out, requested(Map.of()), new JavaEngine()));
        assertTrue(kind.userMessage().contains("is a 'char' model, not a events model (resume it with data of its kind (--model char))"),
                kind.userMessage());
    }

    /** Case 2 through the library: a size that would overflow or cannot be trained is refused before anything is allocated. */
    @Test
    void untrainableSizesAreRefusedBeforeAllocation() {
        Map<String, Object> codec = CharCorpus.codec(new lstm.text.Vocabulary(new int[] {'a', 'b'}), false);
        OptionException e = assertThrows(OptionException.class,
                () -> TrainingStart.create(TokenKind.TEXT, requested(Map.of("--hidden", 30000)), codec, new JavaEngine()));
        assertTrue(e.getMessage().contains("parameters, more than the 1,000,000,000 lstm can train"), e.getMessage());
        e = assertThrows(OptionException.class,
                () -> TrainingStart.create(TokenKind.TEXT, requested(Map.of("--batch-size", 100000, "--seq-length", 100000)), codec,
                        new JavaEngine()));
        assertTrue(e.getMessage().contains("more than Java allows"), e.getMessage());
    }
}
