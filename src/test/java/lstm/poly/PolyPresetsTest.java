package lstm.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The named recipes resolve to the sizes docs/poly.md and BENCHMARKS.md give. */
class PolyPresetsTest {
    @Test
    void demoIsTheOriginalBiaxialSize() {
        PolyPresets.Recipe demo = PolyPresets.get(BiaxialNetwork.KIND, "demo");
        assertArrayEquals(new int[] {300, 300}, demo.timeHidden());
        assertArrayEquals(new int[] {100, 50}, demo.noteHidden());
        assertEquals(0.5f, demo.dropout());
        assertNull(PolyPresets.get(RollNetwork.KIND, "demo"), "demo is a biaxial size only");
    }

    @Test
    void jsbRecipesAreTheBenchmarkedOnes() {
        PolyPresets.Recipe roll = PolyPresets.get(RollNetwork.KIND, "jsb");
        assertArrayEquals(new int[] {160}, roll.hidden());
        assertEquals(0.3f, roll.dropout());
        assertEquals(3e-3f, roll.learningRate());
        assertEquals(8, roll.batchSize());
        assertEquals(128, roll.seqLength());
        assertEquals(32, roll.epochs());

        PolyPresets.Recipe biaxial = PolyPresets.get(BiaxialNetwork.KIND, "jsb");
        assertArrayEquals(new int[] {32, 32}, biaxial.timeHidden());
        assertArrayEquals(new int[] {32, 16}, biaxial.noteHidden());
        assertEquals(0.2f, biaxial.dropout());
        assertEquals(3e-3f, biaxial.learningRate());
        assertEquals(8, biaxial.batchSize());
        assertEquals(32, biaxial.seqLength());
        assertEquals(BIAXIAL_JSB_EPOCHS, biaxial.epochs());
    }

    static final int BIAXIAL_JSB_EPOCHS = 39;

    @Test
    void everyNamedRecipeBuildsAndStopsByEpochs() {
        for (String kind : PolyModels.KINDS) {
            if (!kind.equals(RollNetwork.KIND) && !kind.equals(BiaxialNetwork.KIND)) continue;
            for (String name : PolyPresets.names(kind)) {
                PolyPresets.Recipe r = PolyPresets.get(kind, name);
                assertTrue(r.epochs() > 0, kind + " " + name);
                assertTrue(r.dropout() >= 0 && r.dropout() < 1, kind + " " + name);
                assertEquals(kind.equals(RollNetwork.KIND), r.hidden() != null, kind + " " + name);
            }
            assertNull(PolyPresets.get(kind, "nope"));
        }
        assertEquals(List.of("default", "jsb"), PolyPresets.names(RollNetwork.KIND));
        assertEquals(List.of("default", "jsb", "demo"), PolyPresets.names(BiaxialNetwork.KIND));
    }
}
