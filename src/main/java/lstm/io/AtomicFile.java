package lstm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old contents or the new, never a half-written
 * file: temporary file beside the target, fsync, rename over the target, fsync of the folder.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes the buffers in order; on any failure the target is untouched and the temp file removed. */
    public static void write(Path target, ByteBuffer... parts) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        removeStaleTemps(dir, target.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                for (ByteBuffer part : parts) {
                    while (part.hasRemaining()) ch.write(part);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(dir);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new UserException("cannot write " + target + ": " + UserException.reason(e),
                    Files.exists(target) ? "the previous version of the file is intact; free some space or fix the folder, and try again" : "check the folder's permissions and free space", e);
        }
    }

    /**
     * Temporary files of this target left by runs that were killed while saving ({@code .NAME.tmp-PID}
     * whose process is gone): they can be as large as the model, and nothing else removes them.
     */
    static void removeStaleTemps(Path dir, String name) {
        String prefix = "." + name + ".tmp-";
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path temp : temps) {
                String pid = temp.getFileName().toString().substring(prefix.length());
                if (!pid.matches("\\d{1,18}") || ProcessHandle.of(Long.parseLong(pid)).isPresent()) continue;
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // not ours to worry about: the save goes on
                }
            }
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a folder that cannot be listed: the save itself will say what is wrong
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // some file systems cannot sync a folder; the rename itself is still atomic
        }
    }
}
