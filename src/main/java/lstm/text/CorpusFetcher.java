package lstm.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import lstm.io.UserException;

/**
 * Downloads a manifest entry into a folder and proves it is the file the manifest describes.
 *
 * <p>The bytes go to a temporary file in the target folder while their SHA-256 is computed; only
 * a download with the right size and checksum is renamed to its final name, so the final name
 * never holds a partial or wrong file. A file already there that verifies is kept as it is.
 * Works with http, https and file URLs.
 */
public final class CorpusFetcher {
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final int BUFFER = 64 * 1024;

    /** Told what the fetcher is doing, for progress messages. */
    public interface Listener {
        /** A download of {@code entry} starts. */
        default void downloading(CorpusManifest.Entry entry) {}

        /** {@code done} of the entry's bytes have arrived (called after every buffer). */
        default void progress(long done) {}

        /** A file is at the target path but does not verify, so it will be replaced. */
        default void replacing(Path existing) {}
    }

    /** Where the corpus is, and whether it was downloaded now (false: a verified copy was there). */
    public record Result(Path path, boolean downloaded) {}

    private final Listener listener;

    public CorpusFetcher(Listener listener) {
        this.listener = listener;
    }

    public Result fetch(CorpusManifest.Entry entry, Path dir) {
        Path target = dir.resolve(entry.file()).normalize();
        boolean createdDir = !Files.isDirectory(dir);
        Path temp;
        try {
            if (Files.isRegularFile(target)) {
                if (matches(target, entry)) return new Result(target, false);
                listener.replacing(target);
            }
            Files.createDirectories(dir);
            // not Files.createTempFile: that makes the file private (0600), and it becomes the corpus
            temp = dir.resolve("." + entry.file() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".part");
            Files.createFile(temp);
        } catch (IOException e) {
            throw new UserException("cannot write to " + dir + ": " + UserException.reason(e), "check the folder's permissions and free space, or give another -o", e);
        }
        temp.toFile().deleteOnExit();   // also on Ctrl-C
        boolean moved = false;
        try {
            download(entry, temp);
            move(temp, target);
            moved = true;
            return new Result(target, true);
        } finally {
            try {
                Files.deleteIfExists(temp);
                if (!moved && createdDir) Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // the folder holds other files or is gone; nothing more to clean up
            }
        }
    }

    /** Copies the entry's URL into {@code temp} and checks size and SHA-256 on the way. */
    private void download(CorpusManifest.Entry entry, Path temp) {
        listener.downloading(entry);
        MessageDigest sha = sha256();
        long done = 0;
        try (InputStream in = open(entry); OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                done += n;
                // stop early rather than fill the disk when the server sends something else
                if (done > entry.bytes()) throw mismatch(entry, "more than " + entry.bytes() + " bytes");
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                listener.progress(done);
            }
        } catch (IOException e) {
            String why = e instanceof java.net.UnknownHostException ? "unknown host " + e.getMessage()
                    : e.getMessage() == null ? e.toString() : e.getMessage();
            throw new UserException("cannot download '" + entry.name() + "' from " + entry.url() + ": " + why,
                    "check the network and the URL; nothing was written", e);
        }
        if (done != entry.bytes()) throw mismatch(entry, done + " bytes, expected " + entry.bytes());
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(entry.sha256())) throw mismatch(entry, "sha256 " + actual + ", expected " + entry.sha256());
    }

    private static UserException mismatch(CorpusManifest.Entry entry, String what) {
        return new UserException("download of '" + entry.name() + "' from " + entry.url() + " has " + what,
                "the file there is not the one the manifest describes; nothing was written");
    }

    private static InputStream open(CorpusManifest.Entry entry) throws IOException {
        URLConnection connection = entry.url().toURL().openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        if (connection instanceof HttpURLConnection) {
            HttpURLConnection http = (HttpURLConnection) connection;
            http.setRequestProperty("User-Agent", "lstm");
            int code = http.getResponseCode();
            if (code != HttpURLConnection.HTTP_OK) {
                http.disconnect();
                throw new IOException("HTTP " + code + (http.getResponseMessage() == null ? "" : " " + http.getResponseMessage()));
            }
        }
        return connection.getInputStream();
    }

    private static void move(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserException("cannot write " + target + ": " + UserException.reason(e), "check the folder's permissions and free space", e);
        }
    }

    /** True when {@code file} has the entry's size and SHA-256. */
    public static boolean matches(Path file, CorpusManifest.Entry entry) throws IOException {
        return Files.size(file) == entry.bytes() && sha256(file).equals(entry.sha256());
    }

    /** The SHA-256 of a file, as 64 lower-case hex digits. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
