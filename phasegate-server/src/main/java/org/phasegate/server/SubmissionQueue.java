package org.phasegate.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.phasegate.evidence.Submission;
import org.phasegate.store.StoreException;
import org.phasegate.store.records.Records;
import org.phasegate.store.ledger.Actor;

/**
 * Group commit for record submissions: requests that arrive while a commit is under way wait in a queue, and one
 * writer stores all of them in the next transaction (one durable commit for the group, instead of one each; the
 * ledger is appended under one lock anyway). If the group is refused (one bad or duplicate record), each request is
 * then stored alone, so each gets its own answer and the good ones are kept.
 */
final class SubmissionQueue implements AutoCloseable {
    static final int MAX_GROUP = 256;
    private final Records records;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    private record Pending(Records.Group group, CompletableFuture<Void> done) {
    }

    SubmissionQueue(Records records) {
        this.records = records;
        this.writer = new Thread(this::drain, "phasegate-submissions");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stores the batch as the actor (all or none), in some group commit; returns once it is committed, or throws the refusal. */
    void add(Actor actor, List<Submission> batch) {
        var p = new Pending(new Records.Group(actor, batch), new CompletableFuture<>());
        queue.add(p);
        try {
            p.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.of(503, "stopping", "the server is stopping; the record may or may not be stored: retry with the same Idempotency-Key");
        }
    }

    private void drain() {
        var group = new ArrayList<Pending>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            commit(group);
            group.clear();
        }
    }

    private void commit(List<Pending> group) {
        try {
            records.addGroups(group.stream().map(Pending::group).toList());
            group.forEach(p -> p.done().complete(null));
            return;
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(e);
                return;
            }
        }
        for (var p : group) {
            try {
                records.addGroups(List.of(p.group()));
                p.done().complete(null);
            } catch (RuntimeException e) {
                p.done().completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        writer.interrupt();
        queue.forEach(p -> p.done().completeExceptionally(new StoreException("the server stopped before this record was stored")));
    }
}
