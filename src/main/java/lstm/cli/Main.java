package lstm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import lstm.io.UserException;
import picocli.CommandLine;

/** Entry point: runs {@link LstmCommand} and turns every failure into one line and an exit code. */
public final class Main {
    public static final int OK = 0, FAILURE = 1, USAGE = 2, INTERRUPTED = 130;

    private Main() {}

    public static void main(String[] args) {
        Io io = Io.system();
        Signals.install(io);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            // a failure on another thread (the JVM's own, a library's): one line, never a stack trace
            io.err.println("lstm: " + describe(e));
            io.err.flush();
            Runtime.getRuntime().halt(FAILURE);
        });
        int code = run(args, io);
        io.text.flush();
        io.err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams; tests call this. */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        Io io = new Io(in, out, err);
        int code = run(args, io);
        io.text.flush();
        return code;
    }

    static int run(String[] args, Io io) {
        LstmCommand top = new LstmCommand(io);
        try {
            int code = execute(top, args, io);
            return code == OK ? checkStdout(io) : code;
        } catch (OutOfMemoryError e) {
            return outOfMemory(io, top.verbose(), e);
        }
    }

    /** A write to standard output that failed (a full disk, a closed descriptor) fails the command. */
    private static int checkStdout(Io io) {
        IOException failure = io.textFailure();
        if (failure == null) return OK;
        io.err.println("lstm: cannot write to standard output: " + failure.getMessage() + " (check the disk or the file it goes to)");
        return FAILURE;
    }

    /** The heap is gone: drop what we can, then one line instead of a stack trace. */
    static int outOfMemory(Io io, boolean verbose, OutOfMemoryError e) {
        io.err.println("lstm: " + describe(e));
        if (verbose) e.printStackTrace(io.err);
        return FAILURE;
    }

    private static int execute(LstmCommand top, String[] args, Io io) {
        CommandLine cli = new CommandLine(top);
        FiniteNumbers.register(cli);
        cli.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(io.out, java.nio.charset.StandardCharsets.UTF_8), true));
        cli.setErr(new java.io.PrintWriter(io.err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            // qualified, so a nested subcommand points at its own help ("lstm corpus fetch --help")
            String where = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            io.err.println("lstm: " + ex.getMessage() + " (see '" + where + "')");
            if (top.verbose()) ex.printStackTrace(io.err);
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            io.text.flush();
            if (ex instanceof UsageException || ex instanceof lstm.io.OptionException) {
                io.err.println("lstm: " + ex.getMessage() + " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')");
                return USAGE;
            }
            io.err.println("lstm: " + describe(ex));
            if (top.verbose()) ex.printStackTrace(io.err);
            return FAILURE;
        });
        return cli.execute(args);
    }

    /** One line for any failure: a user error's own words, or the cause of an unexpected one. */
    static String describe(Throwable ex) {
        if (ex instanceof UserException) return ((UserException) ex).userMessage();
        if (ex instanceof OutOfMemoryError) {
            return "out of memory (try a smaller --batch-size or model, or give Java more heap, e.g. LSTM_JAVA_OPTS=-Xmx8g)";
        }
        if (ex instanceof IOException) {
            return (ex.getMessage() == null ? ex.toString() : ex.getMessage()) + " (check the disk and the paths given)";
        }
        String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return "internal error: " + what + " (rerun with --verbose and report it)";
    }
}
