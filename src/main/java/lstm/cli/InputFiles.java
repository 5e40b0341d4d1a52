package lstm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import lstm.io.UserException;

/** Whole-file input and output where {@code -} means standard input or output. */
final class InputFiles {
    private InputFiles() {}

    static byte[] read(String name, Io io) {
        try {
            return name.equals("-") ? io.in.readAllBytes() : Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new UserException("cannot read " + name + ": no such file", "check the path");
        } catch (AccessDeniedException e) {
            throw new UserException("cannot read " + name + ": permission denied", "check its permissions");
        } catch (IOException e) {
            throw new UserException("cannot read " + name + ": " + UserException.reason(e), "check the path");
        }
    }

    /** Writes to the named file, or to standard output when the name is null or {@code -}. */
    static void write(String name, byte[] bytes, Io io) {
        try {
            if (name == null || name.equals("-")) {
                OutputStream out = io.out;
                out.write(bytes);
                out.flush();
            } else {
                Files.write(Path.of(name), bytes);
            }
        } catch (IOException e) {
            boolean toStdout = name == null || name.equals("-");
            // a reader that stops early (lstm midi2csv x.mid | head) is not an error, as for other tools
            if (toStdout && "Broken pipe".equals(e.getMessage())) return;
            throw new UserException("cannot write " + (toStdout ? "-" : name) + ": " + UserException.reason(e), "check the disk and the folder's permissions");
        }
    }
}
