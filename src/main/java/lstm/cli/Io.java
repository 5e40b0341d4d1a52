package lstm.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The streams a command may use: data on {@code out}, progress and messages on {@code err}. */
public final class Io {
    public final InputStream in;
    /** Raw standard output, for binary data such as MIDI written to {@code -}. */
    public final OutputStream out;
    public final PrintStream err;
    /** Standard output as UTF-8 text, whatever the platform default. */
    public final PrintWriter text;

    public Io(InputStream in, OutputStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.text = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    }

    public static Io system() {
        return new Io(System.in, new java.io.FileOutputStream(java.io.FileDescriptor.out),
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8));
    }
}
