package lstm.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that help the calling thread through the chunks of one job at a
 * time. The caller takes chunks too, and waits only for chunks a helper has actually started:
 * on a busy machine a helper that is not scheduled in time just finds nothing left to do.
 *
 * <p>Products come in quick succession (one per time step), so an idle helper spins for a short
 * while before it parks; the next job then starts without a wake-up. Nothing is allocated per job.
 */
final class WorkerPool {
    /** One job: {@code runChunk} is called once for each chunk, on the thread numbered {@code thread}. */
    interface Job {
        void runChunk(int chunk, int thread);
    }

    /** How long an idle thread polls before it parks (and has to be woken, which costs tens of µs). */
    private static final long SPIN_NANOS = 100_000;

    private final Worker[] workers;
    /**
     * Job number in the high 32 bits, the job's chunk count in the next 16 and the next chunk to
     * take in the low 16. One atomic word: a helper still looping on an old job can never pair an
     * old position with a new job's count (which once ran a chunk twice).
     */
    private final AtomicLong ticket = new AtomicLong();
    private static final int MAX_CHUNKS = 0xFFFF;
    private final AtomicInteger completed = new AtomicInteger();
    private volatile Job job;
    private volatile Thread caller;
    private volatile boolean callerParked;
    private volatile Throwable failure;
    private volatile boolean shutDown;

    WorkerPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].start();
        }
    }

    /** Lets the helper threads end once they are idle. */
    void shutDown() {
        shutDown = true;
        for (Worker w : workers) LockSupport.unpark(w);
    }

    /** Threads that may run chunks, the caller included. */
    int threads() {
        return workers.length + 1;
    }

    /** Runs every chunk of the job and returns when all are done; rethrows a chunk's failure. */
    synchronized void run(Job work, int chunkCount) {
        if (chunkCount < 1 || chunkCount > MAX_CHUNKS) throw new IllegalArgumentException("chunk count out of range: " + chunkCount);
        if (workers.length == 0 || chunkCount == 1) {
            for (int c = 0; c < chunkCount; c++) work.runChunk(c, 0);
            return;
        }
        job = work;
        caller = Thread.currentThread();
        failure = null;
        completed.set(0);
        long number = (ticket.get() >>> 32) + 1;
        ticket.set(number << 32 | (long) chunkCount << 16);   // publishes the job: helpers watch the number change
        for (Worker w : workers) {
            if (w.parked) LockSupport.unpark(w);
        }
        takeChunks(number, 0);
        awaitCompletion(chunkCount);
        job = null;
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException) throw (RuntimeException) t;
            if (t instanceof Error) throw (Error) t;
            throw new IllegalStateException(t);
        }
    }

    /** Takes chunks of job {@code number} until none is left (or that job is over). */
    private void takeChunks(long number, int thread) {
        while (true) {
            long t = ticket.get();
            int next = (int) (t & 0xFFFF);
            int count = (int) (t >>> 16 & 0xFFFF);
            if (t >>> 32 != number || next >= count) return;
            if (!ticket.compareAndSet(t, t + 1)) continue;
            // the job cannot end before this chunk completes, so job is still ours
            try {
                job.runChunk(next, thread);
            } catch (Throwable e) {
                failure = e;
            }
            if (completed.incrementAndGet() == count && callerParked) LockSupport.unpark(caller);
        }
    }

    private void awaitCompletion(int chunkCount) {
        long start = System.nanoTime();
        while (completed.get() != chunkCount) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                callerParked = true;
                if (completed.get() != chunkCount) LockSupport.park(this);
                callerParked = false;
            }
        }
    }

    private final class Worker extends Thread {
        private final int thread;
        volatile boolean parked;

        Worker(int thread) {
            super("lstm-matrix-" + thread);
            this.thread = thread;
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;   // the number before the pool's first job, whenever this thread gets going
            while (!shutDown) {
                long start = System.nanoTime();
                while (ticket.get() >>> 32 == seen && !shutDown) {
                    if (System.nanoTime() - start < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (ticket.get() >>> 32 == seen && !shutDown) LockSupport.park(WorkerPool.this);
                        parked = false;
                    }
                }
                seen = ticket.get() >>> 32;
                takeChunks(seen, thread);
            }
        }
    }
}
