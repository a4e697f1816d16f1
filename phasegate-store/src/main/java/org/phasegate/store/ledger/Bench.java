package org.phasegate.store.ledger;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.phasegate.evidence.Role;
import org.phasegate.store.Database;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.crypto.Ed25519;
import org.phasegate.store.users.Users;

/**
 * Measures signed appends and ledger verification (entries and every served table re-derived) against the raw Ed25519
 * rates of the JDK and of Bouncy Castle on all cores of this machine, then RFC 9162 proofs over a ledger grown to a
 * given size. Not a test: figures depend on the machine and its load.
 */
public final class Bench {
    /**
     * Rates per second, all cores. The CPU figures (this JVM's CPU time per signature check, raw and in the ledger
     * verification; the database server's work is not included) are immune to other processes' load.
     */
    public record Figures(int cores, double jdkSign, double jdkVerify, double bcSign, double bcVerify,
                          double appends, double verified, long entries, double rawVerifyCpuMicros, double ledgerVerifyCpuMicros,
                          long proofTreeSize, int proofs, double consistencyMeanMs, double consistencyMaxMs, double inclusionMeanMs) {
    }

    private record Rate(double perSecond, double cpuMicrosPerOp) {
    }

    private Bench() {
    }

    public static Figures run(Database db, long entries, int batch, double seconds, long proofTreeSize) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        // warm-up, as JMH would: each implementation runs once, unmeasured, so the JIT has compiled it before it is timed
        for (var op : List.<Callable<Op>>of(Bench::bcSigner, Bench::bcVerifier, Bench::jdkSigner, Bench::jdkVerifier)) rate(cores, seconds, op);
        double jdkSign = rate(cores, seconds, Bench::jdkSigner).perSecond();
        double jdkVerify = rate(cores, seconds, Bench::jdkVerifier).perSecond();
        double bcSign = rate(cores, seconds, Bench::bcSigner).perSecond();
        var users = new Users(db.dataSource(), new DataKey(new byte[32]), Clock.systemUTC(), Ledger.DEFAULT_CHECKPOINT_EVERY);
        users.add(Optional.empty(), "bench", Role.ADMIN, "bench", Optional.empty());
        var actor = users.actor("bench");
        long t0 = System.nanoTime();
        for (long done = 0; done < entries; done += batch) {
            long n = Math.min(batch, entries - done);
            long from = done;
            Tx.run(db.dataSource(), c -> {
                var a = Appender.begin(c, Ledger.DEFAULT_CHECKPOINT_EVERY);
                for (long i = 0; i < n; i++) a.append(Kinds.BENCH, actor, Canonical.object().put("i", from + i).put("note", "synthetic"), Clock.systemUTC().instant());
                a.flush();
                return null;
            });
        }
        double appends = entries / ((System.nanoTime() - t0) / 1e9);
        var ledger = new Ledger(db.dataSource());
        ledger.audit();   // warm-up: JIT and the server's cache, as for the raw rates
        // the machine may be shared: each round compares with the raw verify rate measured just before and after it,
        // and the round with the median ratio is reported
        var rounds = new ArrayList<double[]>();
        long verifiedEntries = 0;
        for (int round = 0; round < 3; round++) {
            var before = rate(cores, seconds, Bench::bcVerifier);
            long t1 = System.nanoTime();
            long cpu1 = cpuNanos();
            var audit = ledger.audit();   // entries, and every served table re-derived and compared
            var report = audit.entries();
            double verified = report.entries() / ((System.nanoTime() - t1) / 1e9);
            double cpuMicros = (cpuNanos() - cpu1) / 1e3 / report.entries();
            var after = rate(cores, seconds, Bench::bcVerifier);
            if (!audit.ok()) throw new IllegalStateException("bench ledger does not verify: " + audit.problem().orElseThrow());
            verifiedEntries = report.entries();
            rounds.add(new double[] {verified, (before.perSecond() + after.perSecond()) / 2,
                    (before.cpuMicrosPerOp() + after.cpuMicrosPerOp()) / 2, cpuMicros});
        }
        rounds.sort(java.util.Comparator.comparingDouble(r -> r[0] / r[1]));
        var median = rounds.get(1);
        var proofs = ProofBench.run(db, Math.max(proofTreeSize, entries + 2), 200);
        return new Figures(cores, jdkSign, jdkVerify, bcSign, median[1], appends, median[0], verifiedEntries, median[2], median[3],
                proofs.treeSize(), proofs.proofs(), proofs.consistencyMeanMs(), proofs.consistencyMaxMs(), proofs.inclusionMeanMs());
    }

    private interface Op {
        void run() throws Exception;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Operations per second with one thread per core, each running its own op for {@code seconds}. */
    private static Rate rate(int threads, double seconds, Callable<Op> factory) throws Exception {
        var count = new LongAdder();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var tasks = new ArrayList<java.util.concurrent.Future<?>>();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            long cpu = cpuNanos();
            for (int t = 0; t < threads; t++) {
                var op = factory.call();
                tasks.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        op.run();
                        count.increment();
                    }
                    return null;
                }));
            }
            for (var f : tasks) f.get();
            return new Rate(count.sum() / ((System.nanoTime() - start) / 1e9), (cpuNanos() - cpu) / 1e3 / count.sum());
        }
    }

    private static final byte[] MESSAGE = new byte[32];

    private static Op jdkSigner() throws Exception {
        var kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var s = Signature.getInstance("Ed25519");
        return () -> {
            s.initSign(kp.getPrivate());
            s.update(MESSAGE);
            s.sign();
        };
    }

    private static Op jdkVerifier() throws Exception {
        var kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var s = Signature.getInstance("Ed25519");
        s.initSign(kp.getPrivate());
        s.update(MESSAGE);
        var sig = s.sign();
        var v = Signature.getInstance("Ed25519");
        return () -> {
            v.initVerify(kp.getPublic());
            v.update(MESSAGE);
            if (!v.verify(sig)) throw new IllegalStateException();
        };
    }

    private static Op bcSigner() {
        var signer = new Ed25519.Signer(Ed25519.KeyPair.generate(new SecureRandom()).privateKey());
        return () -> signer.sign(MESSAGE);
    }

    private static Op bcVerifier() {
        var kp = Ed25519.KeyPair.generate(new SecureRandom());
        var sig = new Ed25519.Signer(kp.privateKey()).sign(MESSAGE);
        var key = new Ed25519PublicKeyParameters(kp.publicKey(), 0);
        return () -> {
            if (!Ed25519.verify(key, MESSAGE, sig)) throw new IllegalStateException();
        };
    }
}
