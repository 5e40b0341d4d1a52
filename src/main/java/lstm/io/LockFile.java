package lstm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An exclusive claim on a file that a run writes for a long time (the model being trained):
 * {@code FILE.lock} beside it, locked by the operating system (so a killed run holds it no
 * longer) and holding the owner's process id, which a second run names when it is refused.
 * Closing it removes the lock file.
 */
public final class LockFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code target}: its name with {@code .lock} added. */
    public static Path pathOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    /** Takes the lock on {@code target}, or fails at once naming the process that holds it. */
    public static LockFile acquire(Path target) {
        Path path = pathOf(target);
        for (int attempt = 0; attempt < 10; attempt++) {
            FileChannel channel;
            Object key;
            try {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException e) {
                continue;   // removed by its last owner between open and look: open it again
            } catch (IOException e) {
                throw new UserException("cannot create the lock file " + path + ": " + UserException.reason(e),
                        "check that the model's folder is writable", e);
            }
            try {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;   // held by this very process
                }
                if (lock == null) {
                    String owner = readOwner(channel);
                    channel.close();
                    throw new UserException(target + " is being written by another run (process " + owner + ", see " + path + ")",
                            "wait for it to finish or stop it, or give another output file");
                }
                // the last owner may have removed the file just before we locked it: then lock the new one
                Object now = keyOf(path);
                if (now == null || !now.equals(key)) {
                    lock.release();
                    channel.close();
                    continue;
                }
                byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(pid), 0);
                channel.force(true);
                return new LockFile(path, channel, lock);
            } catch (IOException e) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the lock goes with the channel
                }
                throw new UserException("cannot lock " + path + ": " + UserException.reason(e), "check that the model's folder is writable", e);
            }
        }
        throw new UserException("cannot lock " + path + ": other runs keep taking and leaving it", "try again");
    }

    private static Object keyOf(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static String readOwner(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            channel.read(buf, 0);
            String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? pid : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Removes the lock file (while still holding it, so no one locks a file that is gone), then lets go. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a lock file left behind is harmless: the next run locks it anew
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel (or exiting) releases the lock anyway
        }
    }
}
