package org.phasegate.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Serving until Ctrl-C: {@link #await} blocks until the JVM is asked to stop (or the thread is interrupted, as tests
 * do); the shutdown hook then waits (at most 30 s) until {@link #close} says the server and the store are stopped,
 * so the JVM never exits under a database still writing.
 */
final class StopSignal implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = new Thread(() -> {
        stop.countDown();
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }, "phasegate-stop");

    StopSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Blocks until a stop is asked; an interrupt ends it too, and is taken as that stop: the flag is cleared, so the
     * server and the database can then be stopped without their waits being cut short.
     */
    void await() {
        try {
            stop.await();
        } catch (InterruptedException asked) {
            // stopping is what was asked
        }
    }

    /** Everything is stopped: the JVM may exit. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it has just been released
        }
    }
}
