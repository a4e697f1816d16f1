package org.phasegate.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Work over public inputs that takes longer than a request should wait (the forecast page's default forecasts and
 * backtests). Each key is computed once, in turn on one background thread, and kept (the last {@link #KEEP} keys); a
 * request that finds it still running gets its progress and asks again. A failure is kept like a result, so a bad
 * input is not recomputed on every request. The thread ends after {@link #IDLE_SECONDS} idle, so nothing needs
 * closing when the server stops (a computation under way finishes first).
 */
final class Background {
    static final int KEEP = 32;
    static final int IDLE_SECONDS = 30;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        var t = new Thread(r, "phasegate-background");
        t.setDaemon(true);
        return t;
    });

    Background() {
        worker.allowCoreThreadTimeOut(true);
    }
    private final Map<String, Task> tasks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Task> eldest) {
            return size() > KEEP;
        }
    };

    /** One computation: its progress out of {@code total}, then its result (JSON) or the failure's message. */
    static final class Task {
        final long total;
        final AtomicLong done = new AtomicLong();
        volatile String result;
        volatile String error;

        Task(long total) {
            this.total = total;
        }

        boolean finished() {
            return result != null || error != null;
        }
    }

    /** The task of this key: the one already started, else a new one started now. */
    Task of(String key, long total, Function<LongConsumer, String> work) {
        synchronized (tasks) {
            var known = tasks.get(key);
            if (known != null) return known;
            var task = new Task(total);
            tasks.put(key, task);
            worker.execute(() -> {
                try {
                    task.result = work.apply(task.done::set);
                } catch (RuntimeException e) {
                    System.err.println("phasegate-server: background computation " + key + " failed: " + e);
                    task.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                }
            });
            return task;
        }
    }
}
