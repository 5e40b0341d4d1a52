package lstm.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C (INT), TERM and HUP (a closed terminal or ssh session), the same way for every command:
 * while training they raise a flag the loop polls, so it saves a checkpoint and exits with 130;
 * any other time they flush what was written to standard output and exit with 130 at once.
 * A second signal while a checkpoint is being saved leaves at once.
 */
final class Signals {
    static final String[] NAMES = {"INT", "TERM", "HUP"};
    /** Set while a training loop polls it; null otherwise. */
    private static volatile AtomicBoolean stopFlag;
    private static volatile Io io;

    private Signals() {}

    /** For the real process (Main.main): every command's handling of the three signals. */
    static void install(Io processIo) {
        io = processIo;
        for (String name : NAMES) {
            try {
                Signal.handle(new Signal(name), sig -> onSignal());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // no such signal on this platform: the JVM's default stays
            }
        }
    }

    private static void onSignal() {
        AtomicBoolean stop = stopFlag;
        if (stop != null && !stop.getAndSet(true)) return;   // the training loop saves, then exits with 130
        Io streams = io;
        if (streams != null) {
            // a writer blocked on a full pipe holds the stream's lock: wait for the flush a moment, not for ever
            Thread flush = new Thread(() -> {
                streams.text.flush();
                streams.err.flush();
            }, "flush on signal");
            flush.setDaemon(true);
            flush.start();
            try {
                flush.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Runtime.getRuntime().halt(Main.INTERRUPTED);
    }

    /**
     * A flag that the signals raise instead of exiting, for a training loop that saves before it
     * stops. In a process that did not install the handlers (tests calling Main.run), it installs them.
     */
    static AtomicBoolean onInterrupt() {
        AtomicBoolean stop = new AtomicBoolean();
        stopFlag = stop;
        if (io == null) install(null);
        return stop;
    }

    /** The training loop is over: signals exit at once again. */
    static void trainingDone() {
        stopFlag = null;
    }
}
