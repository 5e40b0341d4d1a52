package lstm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lstm.io.UserException;

/**
 * The files a command is about to write, checked before any work: none may be an input, another
 * output, a folder or anything but a regular file (a device such as /dev/null, a pipe), and its
 * folder must exist and take a new file. {@code -} (standard output) is left to the command.
 * A wrong path is a usage error (exit 2); a folder that refuses a file is a failure (exit 1).
 */
final class OutputPaths {
    private final List<String> inputNames = new ArrayList<>();
    private final List<Path> inputs = new ArrayList<>();
    private final List<String> outputNames = new ArrayList<>();
    private final List<Path> outputs = new ArrayList<>();

    /** An input file or folder ({@code -} and null are ignored). */
    OutputPaths input(String option, Object path) {
        if (path != null && !path.toString().equals("-")) {
            inputNames.add(option);
            inputs.add(Path.of(path.toString()));
        }
        return this;
    }

    /** Each of the inputs, under one name. */
    OutputPaths inputs(String option, List<?> paths) {
        if (paths != null) for (Object p : paths) input(option, p);
        return this;
    }

    /** A file the command writes ({@code -} and null are ignored). */
    OutputPaths output(String option, Object path) {
        if (path != null && !path.toString().equals("-")) {
            outputNames.add(option);
            outputs.add(Path.of(path.toString()));
        }
        return this;
    }

    /** Checks every output against the rules above; throws a usage error or a failure. */
    void check() {
        for (int i = 0; i < outputs.size(); i++) {
            String option = outputNames.get(i);
            Path out = outputs.get(i);
            if (Files.isDirectory(out)) throw new UsageException(option + " " + out + " is a folder; give a file name");
            if (Files.exists(out) && !Files.isRegularFile(out)) {
                throw new UsageException(option + " " + out + " is not a regular file (a device or a pipe); give a file name");
            }
            for (int j = 0; j < inputs.size(); j++) {
                if (same(out, inputs.get(j))) {
                    throw new UsageException(option + " " + out + " is the same file as the input " + describe(inputNames.get(j), inputs.get(j))
                            + "; writing it would destroy the input");
                }
            }
            for (int j = 0; j < i; j++) {
                if (same(out, outputs.get(j))) {
                    throw new UsageException(option + " " + out + " is the same file as " + outputNames.get(j) + "; give each output its own file");
                }
            }
            probeFolder(option, out);
        }
    }

    private static String describe(String option, Path input) {
        return option.isEmpty() ? input.toString() : option + " " + input;
    }

    /** The same file: by the file system when both exist (links, other spellings), else by normalized path. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // fall back on the paths
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** The output's folder exists and a new file can be made in it (made and removed at once). */
    static void probeFolder(String option, Path out) {
        Path dir = out.toAbsolutePath().normalize().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + out + ": no folder " + (dir == null ? out : dir) + "; create it first");
        }
        Path probe = dir.resolve("." + out.getFileName() + ".probe-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(Files.createFile(probe));
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": the folder " + dir + " does not take new files: " + UserException.reason(e),
                    "check its permissions and free space, or choose another folder");
        }
    }
}
