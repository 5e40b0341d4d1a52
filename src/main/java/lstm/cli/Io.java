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
        this.textOut = new WatchedStream(out);
        this.text = new PrintWriter(new java.io.OutputStreamWriter(textOut, StandardCharsets.UTF_8), false);
    }

    private final WatchedStream textOut;

    /**
     * The first failure writing {@link #text} (which, as a PrintWriter, only keeps a flag), or
     * null; a reader that left early (a broken pipe, as with {@code | head}) is not one.
     */
    java.io.IOException textFailure() {
        text.flush();
        java.io.IOException e = textOut.failure;
        return e == null || SampleCommand.isBrokenPipe(e) ? null : e;
    }

    /** Remembers the first exception a write threw. */
    private static final class WatchedStream extends java.io.FilterOutputStream {
        java.io.IOException failure;

        WatchedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            try {
                out.write(b, off, len);
            } catch (java.io.IOException e) {
                if (failure == null) failure = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws java.io.IOException {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                if (failure == null) failure = e;
                throw e;
            }
        }
    }

    public static Io system() {
        return new Io(System.in, new java.io.FileOutputStream(java.io.FileDescriptor.out),
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8));
    }
}
