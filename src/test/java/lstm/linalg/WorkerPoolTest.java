package lstm.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    /** Jobs of changing sizes in quick succession: each chunk runs exactly once, and every run returns. */
    @Test
    void everyChunkRunsExactlyOncePerJob() {
        WorkerPool pool = new WorkerPool(3);
        try {
            for (int round = 0; round < 20_000; round++) {
                int chunks = 1 + (round * 7919) % 13;
                AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
                pool.run((chunk, thread) -> runs.incrementAndGet(chunk), chunks);
                for (int c = 0; c < chunks; c++) {
                    assertEquals(1, runs.get(c), "round " + round + " chunk " + c + " of " + chunks);
                }
            }
        } finally {
            pool.shutDown();
        }
    }

    @Test
    void aChunksFailureReachesTheCaller() {
        WorkerPool pool = new WorkerPool(2);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run((chunk, thread) -> {
                if (chunk == 3) throw new IllegalStateException("chunk 3 failed");
            }, 8));
            assertEquals("chunk 3 failed", e.getMessage());
            int[] after = new int[1];
            pool.run((chunk, thread) -> { synchronized (after) { after[0]++; } }, 5);
            assertEquals(5, after[0]);
        } finally {
            pool.shutDown();
        }
    }
}
