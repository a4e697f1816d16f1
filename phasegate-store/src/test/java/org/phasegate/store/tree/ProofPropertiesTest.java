package org.phasegate.store.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random trees (sizes 1..600, crossing the 256-leaf stored level): every generated proof equals the RFC's
 * definition, verifies, and fails once mutated (a flipped bit, a hash dropped, added or swapped, a wrong size or root).
 */
class ProofPropertiesTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void proofs_verify_and_mutants_fail(long seed) {
        var rnd = new SplittableRandom(seed);
        int n = seed % 4 == 0 ? 257 + rnd.nextInt(344) : 1 + rnd.nextInt(80);
        int m = 1 + rnd.nextInt(n);
        int index = rnd.nextInt(n);
        var data = new ArrayList<byte[]>();
        for (int i = 0; i < n; i++) {
            var d = new byte[32];
            rnd.nextBytes(d);
            data.add(d);
        }
        var root = Rfc9162Reference.mth(data);
        var old = Rfc9162Reference.mth(data.subList(0, m));
        var frontier = new Frontier();
        data.forEach(frontier::add);
        var why = "seed " + seed + ", n " + n + ", m " + m + ", index " + index;
        assertThat(frontier.root()).as(why).isEqualTo(root);

        var proofs = new Proofs(Rfc9162Reference.over(data));
        var consistency = proofs.consistency(m, n);
        var inclusion = proofs.inclusion(index, n);
        assertThat(consistency).as(why).containsExactlyElementsOf(Rfc9162Reference.proof(m, data));
        assertThat(inclusion).as(why).containsExactlyElementsOf(Rfc9162Reference.path(index, data));
        var leaf = Rfc9162Reference.leaf(data.get(index));
        assertThat(Rfc9162.verifyConsistency(m, n, old, root, consistency)).as(why).isTrue();
        assertThat(Rfc9162.verifyInclusion(index, n, leaf, inclusion, root)).as(why).isTrue();

        for (var bad : mutants(consistency, rnd)) {
            assertThat(Rfc9162.verifyConsistency(m, n, old, root, bad)).as(why + ": mutated consistency proof").isFalse();
        }
        for (var bad : mutants(inclusion, rnd)) {
            assertThat(Rfc9162.verifyInclusion(index, n, leaf, bad, root)).as(why + ": mutated inclusion proof").isFalse();
        }
        if (m < n) {
            assertThat(Rfc9162.verifyConsistency(m + 1, n, old, root, consistency)).as(why + ": wrong old size").isFalse();
            assertThat(Rfc9162.verifyConsistency(m, n, Rfc9162Reference.mth(data.subList(0, m + 1)), root, consistency)).as(why + ": old root of another size").isFalse();
        }
        assertThat(Rfc9162.verifyConsistency(m, n, old, flip(root, rnd), consistency)).as(why + ": wrong new root").isFalse();
        assertThat(Rfc9162.verifyInclusion(index, n, flip(leaf, rnd), inclusion, root)).as(why + ": wrong leaf").isFalse();
        if (n > 1) assertThat(Rfc9162.verifyInclusion((index + 1) % n, n, leaf, inclusion, root)).as(why + ": wrong index").isFalse();
    }

    /** Proofs each differing from the given one in one way; an empty proof has only the added-hash mutant. */
    private static List<List<byte[]>> mutants(List<byte[]> proof, SplittableRandom rnd) {
        var out = new ArrayList<List<byte[]>>();
        var extra = new byte[32];
        rnd.nextBytes(extra);
        var longer = new ArrayList<>(proof);
        longer.add(rnd.nextInt(proof.size() + 1), extra);
        out.add(longer);
        if (proof.isEmpty()) return out;
        int at = rnd.nextInt(proof.size());
        var flipped = new ArrayList<>(proof);
        flipped.set(at, flip(proof.get(at), rnd));
        out.add(flipped);
        var shorter = new ArrayList<>(proof);
        shorter.remove(at);
        out.add(shorter);
        if (proof.size() > 1) {
            var swapped = new ArrayList<>(proof);
            java.util.Collections.swap(swapped, at, (at + 1) % proof.size());
            if (!java.util.Arrays.equals(swapped.get(at), proof.get(at))) out.add(swapped);
        }
        return out;
    }

    private static byte[] flip(byte[] h, SplittableRandom rnd) {
        var c = h.clone();
        c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
        return c;
    }
}
