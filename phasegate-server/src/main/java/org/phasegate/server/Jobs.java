package org.phasegate.server;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Long runs (forecasts) as jobs: one worker runs them in turn, each reports its progress; a job and its result are
 * kept in memory for the server's lifetime (at most {@link #KEEP}; the oldest finished go first).
 */
final class Jobs implements AutoCloseable {
    static final int KEEP = 100;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "phasegate-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A job's state; {@code result} is JSON when done, {@code error} a message when it failed. */
    static final class Job {
        final String id;
        final String owner;
        final Instant created;
        final long total;
        final AtomicLong done = new AtomicLong();
        volatile String result;
        volatile String error;
        volatile Instant finished;

        Job(String id, String owner, Instant created, long total) {
            this.id = id;
            this.owner = owner;
            this.created = created;
            this.total = total;
        }
    }

    Jobs(Clock clock) {
        this.clock = clock;
    }

    Job submit(String owner, long total, Function<LongConsumer, String> work) {
        trim();
        var job = new Job(UUID.randomUUID().toString(), owner, clock.instant(), total);
        jobs.put(job.id, job);
        worker.execute(() -> {
            try {
                job.result = work.apply(job.done::set);
            } catch (RuntimeException e) {
                job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } finally {
                job.finished = clock.instant();
            }
        });
        return job;
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void trim() {
        if (jobs.size() < KEEP) return;
        jobs.values().stream().filter(j -> j.finished != null).min(java.util.Comparator.comparing(j -> j.finished))
                .ifPresent(j -> jobs.remove(j.id));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
