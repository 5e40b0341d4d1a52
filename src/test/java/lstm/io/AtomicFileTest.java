package lstm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: stale temporary files of killed runs go at the next save; a failure says what to do. */
class AtomicFileTest {
    @TempDir
    Path dir;

    /** Case 8: a .NAME.tmp-PID whose process is gone is removed; one of a live process, and other files, stay. */
    @Test
    void staleTemporaryFilesAreRemovedAtTheNextSave() throws Exception {
        Path target = dir.resolve("m.lstm");
        long gone = deadPid();
        Path stale = dir.resolve(".m.lstm.tmp-" + gone);
        Path live = dir.resolve(".m.lstm.tmp-1");   // init is always alive
        Path other = dir.resolve(".n.lstm.tmp-" + gone);
        for (Path p : new Path[] {stale, live, other}) Files.write(p, new byte[1000]);
        AtomicFile.write(target, ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(other));
    }

    private static long deadPid() {
        for (long pid = 4_000_000; ; pid++) if (ProcessHandle.of(pid).isEmpty()) return pid;
    }

    /** Case 9: an I/O error line has its "(what to do)" part, also when there is no previous file. */
    @Test
    void failuresSayWhatToDo() {
        UserException e = assertThrows(UserException.class,
                () -> AtomicFile.write(dir.resolve("nodir/m.lstm"), ByteBuffer.wrap(new byte[1])));
        assertEquals("cannot write " + dir.resolve("nodir/m.lstm") + ": no such file or folder (check the folder's permissions and free space)",
                e.userMessage());
    }

    /** Case 8: a second lock on the same file is refused at once, naming the holder; closing removes the lock file. */
    @Test
    void lockIsExclusiveAndNamesItsHolder() {
        Path target = dir.resolve("m.lstm");
        try (LockFile lock = LockFile.acquire(target)) {
            assertTrue(Files.exists(LockFile.pathOf(target)));
            UserException e = assertThrows(UserException.class, () -> LockFile.acquire(target));
            assertTrue(e.getMessage().contains("is being written by another run (process " + ProcessHandle.current().pid()), e.getMessage());
        }
        assertFalse(Files.exists(LockFile.pathOf(target)));
        LockFile.acquire(target).close();   // free again
    }
}
