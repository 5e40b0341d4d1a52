package lstm.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/** Turns Ctrl-C and SIGTERM into a flag the training loop polls, so it can save before exiting. */
final class Signals {
    private Signals() {}

    static AtomicBoolean onInterrupt() {
        AtomicBoolean stop = new AtomicBoolean();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), sig -> {
                    if (stop.getAndSet(true)) Runtime.getRuntime().halt(Main.INTERRUPTED);  // second Ctrl-C: leave now
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // no such signal here: training simply cannot be interrupted gracefully
            }
        }
        return stop;
    }
}
