package org.phasegate.store.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.phasegate.store.crypto.Ed25519;
import org.phasegate.store.crypto.Hashes;

/**
 * Re-checks a whole ledger and names the first bad entry. Links (sequence numbers, previous-hash chain, checkpoint
 * roots, which key signs what) are checked in order by the reading thread; hashes and signatures, the expensive part,
 * are checked in parallel on every core, a chunk at a time while the next chunk is read.
 */
public final class Verifier {
    private static final int CHUNK = 4096;

    /** What went wrong, where. */
    public record Bad(long seq, String reason) {
        public String render() {
            return "entry " + seq + ": " + reason;
        }
    }

    public record Report(long entries, int checkpoints, Optional<Bad> firstBad) {
        public boolean ok() {
            return firstBad.isEmpty();
        }
    }

    private record Task(Entry entry, Ed25519PublicKeyParameters key) {
    }

    private final ForkJoinPool pool;
    private final Map<String, Ed25519PublicKeyParameters> keys = new HashMap<>();
    private final Map<String, String> roles = new HashMap<>();
    private final List<byte[]> sinceCheckpoint = new ArrayList<>();
    private long expectedSeq = 1;
    private byte[] prev = Entry.genesis();
    private long lastCheckpoint;
    private int checkpoints;

    public Verifier(ForkJoinPool pool) {
        this.pool = pool;
    }

    public static Report verify(Iterator<Entry> entries) {
        return new Verifier(ForkJoinPool.commonPool()).run(entries);
    }

    public Report run(Iterator<Entry> entries) {
        var inFlight = new ArrayDeque<List<Future<Optional<Bad>>>>();
        var found = new ArrayList<Bad>();
        long count = 0;
        var chunk = new ArrayList<Task>(CHUNK);
        while (entries.hasNext() && found.isEmpty()) {
            var e = entries.next();
            count++;
            var link = link(e);
            if (link.isPresent()) {
                found.add(link.get());
                break;
            }
            chunk.add(new Task(e, keys.get(e.actor())));
            afterLink(e);
            if (chunk.size() == CHUNK) {
                inFlight.add(submit(chunk));
                chunk = new ArrayList<>(CHUNK);
                if (inFlight.size() > 2) collect(inFlight.poll(), found);
            }
        }
        if (!chunk.isEmpty()) inFlight.add(submit(chunk));
        while (!inFlight.isEmpty()) collect(inFlight.poll(), found);
        return new Report(count, checkpoints, found.stream().min(Comparator.comparingLong(Bad::seq)));
    }

    /** One task per worker and slice of the chunk: less fork/join machinery than a parallel stream. */
    private List<Future<Optional<Bad>>> submit(List<Task> chunk) {
        int slices = pool.getParallelism();
        var futures = new ArrayList<Future<Optional<Bad>>>(slices);
        for (int i = 0; i < slices; i++) {
            var slice = chunk.subList(chunk.size() * i / slices, chunk.size() * (i + 1) / slices);
            futures.add(pool.submit(() -> {
                for (var t : slice) {
                    var bad = check(t);
                    if (bad.isPresent()) return bad;
                }
                return Optional.<Bad>empty();
            }));
        }
        return futures;
    }

    private static void collect(List<Future<Optional<Bad>>> slices, List<Bad> found) {
        for (var f : slices) collect(f, found);
    }

    private static void collect(Future<Optional<Bad>> f, List<Bad> found) {
        try {
            f.get().ifPresent(found::add);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Optional<Bad> check(Task t) {
        var e = t.entry();
        if (!Arrays.equals(e.computeHash(), e.hash())) {
            return Optional.of(new Bad(e.seq(), "content does not match its hash (" + e.kind() + " by '" + e.actor()
                    + "' was altered after it was written)"));
        }
        if (!Ed25519.verify(t.key(), e.hash(), e.signature())) {
            return Optional.of(new Bad(e.seq(), "signature by '" + e.actor() + "' does not verify (" + e.kind()
                    + "; the signature or hash was replaced)"));
        }
        return Optional.empty();
    }

    /** Checks that the entry follows its predecessor and has a known signer. */
    private Optional<Bad> link(Entry e) {
        if (e.seq() != expectedSeq) {
            return Optional.of(e.seq() > expectedSeq
                    ? new Bad(expectedSeq, "missing (the ledger jumps from entry " + (expectedSeq - 1) + " to " + e.seq() + ": deleted?)")
                    : new Bad(e.seq(), "out of order or duplicated (expected entry " + expectedSeq + ")"));
        }
        if (!Arrays.equals(e.prevHash(), prev)) {
            return Optional.of(new Bad(e.seq(), "does not link to entry " + (e.seq() - 1)
                    + " (its previous-hash differs: an entry was inserted, deleted, reordered or altered)"));
        }
        if (e.kind().equals(Kinds.USER_ADD) && keys.isEmpty()) register(e);
        else if (e.kind().equals(Kinds.USER_ADD) || e.kind().equals(Kinds.USER_KEY)) {
            var refused = keyChange(e);
            if (refused.isPresent()) return refused;
        }
        if (!keys.containsKey(e.actor())) {
            return Optional.of(new Bad(e.seq(), "signed by '" + e.actor() + "', who has no key at this point of the ledger"));
        }
        if (e.kind().equals(Kinds.CHECKPOINT)) return checkpoint(e);
        return Optional.empty();
    }

    private void afterLink(Entry e) {
        if (e.kind().equals(Kinds.USER_ADD) || e.kind().equals(Kinds.USER_KEY)) register(e);   // from the next entry on
        sinceCheckpoint.add(e.hash());
        prev = e.hash();
        expectedSeq++;
    }

    /** Who may add users and change keys: admins add new names; a key changes by its owner or an admin. */
    private Optional<Bad> keyChange(Entry e) {
        String name;
        try {
            name = Canonical.parse(e.payload()).path("name").asText();
        } catch (RuntimeException malformed) {
            return Optional.of(new Bad(e.seq(), "user entry payload is malformed"));
        }
        boolean admin = "admin".equals(roles.get(e.actor()));
        if (e.kind().equals(Kinds.USER_ADD) && (!admin || keys.containsKey(name))) {
            return Optional.of(new Bad(e.seq(), keys.containsKey(name) ? "adds user '" + name + "', who already exists"
                    : "user '" + name + "' added by '" + e.actor() + "', who is not an admin"));
        }
        if (e.kind().equals(Kinds.USER_KEY) && (!keys.containsKey(name) || !(admin || e.actor().equals(name)))) {
            return Optional.of(new Bad(e.seq(), "key of '" + name + "' changed by '" + e.actor() + "', who may not"));
        }
        return Optional.empty();
    }

    private void register(Entry e) {
        try {
            var p = Canonical.parse(e.payload());
            if (e.kind().equals(Kinds.USER_ADD)) roles.put(p.path("name").asText(), p.path("role").asText());
            keys.put(p.path("name").asText(), new Ed25519PublicKeyParameters(Base64.getDecoder().decode(p.path("publicKey").asText()), 0));
        } catch (RuntimeException malformed) {
            // an altered user entry fails its hash check; the key stays unknown
        }
    }

    private Optional<Bad> checkpoint(Entry e) {
        try {
            var p = Canonical.parse(e.payload());
            long from = p.path("from").asLong();
            long to = p.path("to").asLong();
            if (from != lastCheckpoint + 1 || to != e.seq() - 1 || sinceCheckpoint.size() != to - from + 1) {
                return Optional.of(new Bad(e.seq(), "checkpoint covers entries " + from + ".." + to + ", expected "
                        + (lastCheckpoint + 1) + ".." + (e.seq() - 1)));
            }
            if (!Hashes.hex(Merkle.root(sinceCheckpoint)).equals(p.path("root").asText())) {
                return Optional.of(new Bad(e.seq(), "checkpoint Merkle root does not match entries " + from + ".." + to));
            }
            sinceCheckpoint.clear();
            lastCheckpoint = to;
            checkpoints++;
            return Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.of(new Bad(e.seq(), "checkpoint payload is malformed"));
        }
    }
}
