package lstm.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that help the calling thread run one job at a time. The caller
 * runs part 0 itself and parts 1..n-1 go to the workers, so a pool for n threads starts n - 1.
 *
 * <p>Matrix products come in quick succession (one per time step), so a worker that has finished
 * spins for a short while before it parks: the next job then starts without a wake-up. Nothing is
 * allocated per job.
 */
final class WorkerPool {
    /** One job: {@code runPart(part)} is called once for every part in 0..parts-1, concurrently. */
    interface Job {
        void runPart(int part);
    }

    /** How long an idle thread polls before it parks (and has to be woken, which costs tens of µs). */
    private static final long SPIN_NANOS = 200_000;

    private final Worker[] workers;
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile Job job;
    /** Bumped for every job; a worker runs a job when it sees the number change. */
    private volatile long generation;
    private volatile boolean callerParked;
    private volatile Thread caller;
    private volatile Throwable failure;

    WorkerPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].start();
        }
    }

    int parts() {
        return workers.length + 1;
    }

    /** Runs every part of the job and returns when all are done; rethrows a part's failure. */
    synchronized void run(Job work) {
        if (workers.length == 0) {
            work.runPart(0);
            return;
        }
        failure = null;
        caller = Thread.currentThread();
        unfinished.set(workers.length);
        job = work;
        generation++;   // volatile write: publishes the job to the workers
        for (Worker w : workers) {
            if (w.parked) LockSupport.unpark(w);
        }
        try {
            work.runPart(0);
        } finally {
            awaitWorkers();
            job = null;
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            if (t instanceof Error) throw (Error) t;
            throw new IllegalStateException(t);
        }
    }

    private void awaitWorkers() {
        long start = System.nanoTime();
        while (unfinished.get() != 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                callerParked = true;
                if (unfinished.get() != 0) LockSupport.park(this);
                callerParked = false;
            }
        }
    }

    private final class Worker extends Thread {
        private final int part;
        volatile boolean parked;

        Worker(int part) {
            super("lstm-matrix-" + part);
            this.part = part;
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;   // the pool's number before its first job, whenever this thread gets going
            while (true) {
                long start = System.nanoTime();
                while (generation == seen) {
                    if (System.nanoTime() - start < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (generation == seen) LockSupport.park(WorkerPool.this);
                        parked = false;
                    }
                }
                seen = generation;
                try {
                    job.runPart(part);
                } catch (Throwable t) {
                    failure = t;
                }
                if (unfinished.decrementAndGet() == 0 && callerParked) LockSupport.unpark(caller);
            }
        }
    }
}
