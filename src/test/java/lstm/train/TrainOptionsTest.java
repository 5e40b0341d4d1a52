package lstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainOptionsTest {
    /** A resumed run that stops by time or epochs (no --steps) stays on the saved cosine curve. */
    @Test
    void cosineHorizonSurvivesASaveWithoutSteps() {
        TrainOptions first = new TrainOptions();
        first.schedule = "cosine";
        first.learningRate = 1e-2f;
        first.minLr = 1e-4f;
        first.maxSteps = 100;
        first.scheduleSteps = 100;
        Map<String, Object> saved = first.savedFields();

        TrainOptions resumed = new TrainOptions();
        resumed.restoreSavedFields(saved);
        resumed.maxSteps = 0;   // this invocation stops by --time
        assertEquals(100, resumed.scheduleSteps);
        assertEquals(first.learningRateAt(50), resumed.learningRateAt(50));
        assertEquals(1e-4f, resumed.learningRateAt(100), 1e-9);
        assertEquals(1e-4f, resumed.learningRateAt(250), 1e-9);
        assertEquals((1e-2 + 1e-4) / 2, resumed.learningRateAt(50), 1e-7);
    }

    /** Models saved before schedule_steps existed used max_steps as the horizon. */
    @Test
    void olderModelsTakeTheHorizonFromMaxSteps() {
        TrainOptions first = new TrainOptions();
        first.maxSteps = 300;
        Map<String, Object> saved = new java.util.LinkedHashMap<>(first.savedFields());
        saved.remove("schedule_steps");
        TrainOptions resumed = new TrainOptions();
        resumed.restoreSavedFields(saved);
        assertEquals(300, resumed.scheduleSteps);
    }
}
