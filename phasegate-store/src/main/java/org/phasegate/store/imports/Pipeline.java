package org.phasegate.store.imports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.phasegate.importing.Dataset;
import org.phasegate.importing.ImportedRow;
import org.phasegate.importing.Rejection;
import org.phasegate.importing.RowSink;
import org.phasegate.importing.SourceReader;

/**
 * Runs a reader on its own thread and gives its rows to the sink on the caller's thread, in batches and in file order:
 * parsing and mapping overlap with hashing and COPY, so an import uses two cores. A failure on either side stops both;
 * the reader's is rethrown here.
 */
final class Pipeline {
    private static final int BATCH = 2_000;
    private static final Object END = new Object();

    private Pipeline() {
    }

    static void run(SourceReader reader, String file, InputStream in, RowSink sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
        var cancelled = new AtomicBoolean();
        var failure = new AtomicReference<RuntimeException>();
        var thread = Thread.ofPlatform().name("import-reader").daemon().start(() -> {
            var batcher = new Batcher(queue, cancelled);
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
                for (var event : (List<?>) item) dispatch(event, sink);
            }
        } catch (RuntimeException e) {
            cancelled.set(true);
            queue.clear();
            throw e;
        } finally {
            join(thread);
        }
        if (failure.get() != null) throw failure.get();
    }

    private static void dispatch(Object event, RowSink sink) {
        switch (event) {
            case ImportedRow r -> sink.row(r);
            case Rejection r -> sink.rejected(r);
            case Dataset d -> sink.begin(d);
            default -> throw new IllegalStateException("unknown event " + event);
        }
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

    /** The reader's side: events gathered into batches and handed over; gives up when the consumer has failed. */
    private static final class Batcher implements RowSink {
        private final BlockingQueue<Object> queue;
        private final AtomicBoolean cancelled;
        private List<Object> batch = new ArrayList<>(BATCH);

        Batcher(BlockingQueue<Object> queue, AtomicBoolean cancelled) {
            this.queue = queue;
            this.cancelled = cancelled;
        }

        @Override
        public void begin(Dataset dataset) {
            add(dataset);
        }

        @Override
        public void row(ImportedRow row) {
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
            put(batch);
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
