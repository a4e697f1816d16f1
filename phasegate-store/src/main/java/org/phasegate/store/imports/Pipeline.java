package org.phasegate.store.imports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.phasegate.importing.Dataset;
import org.phasegate.importing.ImportedRow;
import org.phasegate.importing.Rejection;
import org.phasegate.importing.RowSink;
import org.phasegate.importing.SourceReader;

/**
 * Runs a reader on its own thread and gives its rows to the sink on the caller's thread, in batches and in file order.
 * Parsing and mapping (the reader's thread), each batch's canonical JSON and hashes (a small pool, a batch at a time,
 * in whichever order the pool gets to them) and deduplication, COPY and the Merkle tree (the caller's thread, taking
 * the batches in file order, so the leaves and the root do not depend on the pool) all overlap, and the cores stay
 * busy whichever step is the slowest on the machine. A failure anywhere stops everything; the reader's is rethrown here.
 */
final class Pipeline {
    private static final int BATCH = 2_000;
    /** Batches queued between the reader and the importing thread: enough to smooth the stages, few enough that the rows alive at a garbage collection stay few (16 made young collections copy tens of MB). */
    private static final int IN_FLIGHT = 4;
    private static final Object END = new Object();

    private Pipeline() {
    }

    /** The caller's side: the rows, prepared, in file order. */
    interface Sink {
        void begin(Dataset dataset);

        void row(PreparedRow row);

        void rejected(Rejection rejection);
    }

    static void run(SourceReader reader, String file, InputStream in, Sink sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
        var cancelled = new AtomicBoolean();
        var failure = new AtomicReference<RuntimeException>();
        int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("import-prepare-", 0).daemon().factory());
        var thread = Thread.ofPlatform().name("import-reader").daemon().start(() -> {
            var batcher = new Batcher(queue, cancelled, pool);
            try {
                reader.read(file, in, batcher);
                batcher.flush();
            } catch (Cancelled e) {
                // the consumer failed first; its exception is the one reported
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                try {
                    batcher.put(END);
                } catch (Cancelled e) {
                    // nobody is reading any more
                }
            }
        });
        try {
            for (Object item = take(queue); item != END; item = take(queue)) {
                for (var event : prepared(item)) dispatch(event, sink);
            }
        } catch (RuntimeException e) {
            cancelled.set(true);
            queue.clear();
            throw e;
        } finally {
            pool.shutdownNow();
            join(thread);
        }
        if (failure.get() != null) throw failure.get();
    }

    private static List<?> prepared(Object item) {
        try {
            return ((Future<?>) item).get() instanceof List<?> events ? events : List.of();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("preparing import rows failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    private static void dispatch(Object event, Sink sink) {
        switch (event) {
            case PreparedRow r -> sink.row(r);
            case Rejection r -> sink.rejected(r);
            case Dataset d -> sink.begin(d);
            default -> throw new IllegalStateException("unknown event " + event);
        }
    }

    /** The rows of a batch prepared (JSON, leaf data, leaf hash), the other events as they are. */
    private static List<Object> prepare(List<Object> batch, String dataset) {
        var preparer = dataset == null ? null : new PreparedRow.Preparer(dataset);
        var out = new ArrayList<Object>(batch.size());
        for (var event : batch) out.add(event instanceof ImportedRow r ? preparer.prepare(r) : event);
        return out;
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the import stopped", null, false, false);
        }
    }

    /** The reader's side: events gathered into batches, each sent to the pool and its future queued in file order. */
    private static final class Batcher implements RowSink {
        private final BlockingQueue<Object> queue;
        private final AtomicBoolean cancelled;
        private final ExecutorService pool;
        private List<Object> batch = new ArrayList<>(BATCH);
        private String dataset;

        Batcher(BlockingQueue<Object> queue, AtomicBoolean cancelled, ExecutorService pool) {
            this.queue = queue;
            this.cancelled = cancelled;
            this.pool = pool;
        }

        @Override
        public void begin(Dataset d) {
            dataset = d.id();
            add(d);
        }

        @Override
        public void row(ImportedRow row) {
            if (dataset == null) throw new IllegalStateException("the reader gave a row before naming its dataset");
            add(row);
        }

        @Override
        public void rejected(Rejection rejection) {
            add(rejection);
        }

        private void add(Object event) {
            batch.add(event);
            if (batch.size() >= BATCH) flush();
        }

        void flush() {
            if (batch.isEmpty()) return;
            var events = batch;
            var id = dataset;
            if (cancelled.get()) throw new Cancelled();
            put(pool.submit(() -> prepare(events, id)));
            batch = new ArrayList<>(BATCH);
        }

        void put(Object item) {
            if (cancelled.get()) throw new Cancelled();
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (cancelled.get()) throw new Cancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }
}
