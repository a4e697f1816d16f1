package org.phasegate.store.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phasegate.store.tree.Rfc9162Reference.leaf;
import static org.phasegate.store.tree.Rfc9162Reference.node;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tree against trees built by hand (sizes 1 to 8, each node written out) and against RFC 9162 §2.1.5's worked
 * example of seven leaves, whose proofs the RFC lists by node name.
 */
class Rfc9162Test {
    private static final List<byte[]> D = data(8);

    static List<byte[]> data(int n) {
        var out = new ArrayList<byte[]>();
        for (int i = 0; i < n; i++) out.add(new byte[] {(byte) i, (byte) (i * 7 + 1)});
        return out;
    }

    private static byte[] l(int i) {
        return leaf(D.get(i));
    }

    /** The root of each size, written out node by node. */
    private static byte[] handRoot(int n) {
        return switch (n) {
            case 1 -> l(0);
            case 2 -> node(l(0), l(1));
            case 3 -> node(node(l(0), l(1)), l(2));
            case 4 -> node(node(l(0), l(1)), node(l(2), l(3)));
            case 5 -> node(node(node(l(0), l(1)), node(l(2), l(3))), l(4));
            case 6 -> node(node(node(l(0), l(1)), node(l(2), l(3))), node(l(4), l(5)));
            case 7 -> node(node(node(l(0), l(1)), node(l(2), l(3))), node(node(l(4), l(5)), l(6)));
            case 8 -> node(node(node(l(0), l(1)), node(l(2), l(3))), node(node(l(4), l(5)), node(l(6), l(7))));
            default -> throw new IllegalArgumentException();
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void the_frontier_root_is_the_hand_built_root(int n) {
        var f = new Frontier();
        for (int i = 0; i < n; i++) f.add(D.get(i));
        assertThat(f.root()).isEqualTo(handRoot(n)).isEqualTo(Rfc9162Reference.mth(D.subList(0, n)));
        var g = new Proofs(Rfc9162Reference.over(D.subList(0, n)));
        for (int i = 0; i < n; i++) {
            assertThat(Rfc9162.verifyInclusion(i, n, l(i), g.inclusion(i, n), handRoot(n))).as("leaf %d of %d", i, n).isTrue();
        }
        for (int m = 1; m <= n; m++) {
            assertThat(Rfc9162.verifyConsistency(m, n, handRoot(m), handRoot(n), g.consistency(m, n))).as("%d to %d", m, n).isTrue();
        }
    }

    @Test
    void the_empty_tree_hashes_the_empty_string() {
        assertThat(new Frontier().root()).isEqualTo(Rfc9162Reference.mth(List.of()));
    }

    // RFC 9162 §2.1.5: leaves d0..d6; a..f, j leaf hashes; g = (a,b), h = (c,d), i = (e,f), k = (g,h), l = (i,j)
    private final byte[] a = l(0);
    private final byte[] b = l(1);
    private final byte[] c = l(2);
    private final byte[] d = l(3);
    private final byte[] e = l(4);
    private final byte[] f = l(5);
    private final byte[] j = l(6);
    private final byte[] g = node(a, b);
    private final byte[] h = node(c, d);
    private final byte[] i = node(e, f);
    private final byte[] k = node(g, h);
    private final byte[] ll = node(i, j);
    private final byte[] root7 = node(k, ll);
    private final Proofs seven = new Proofs(Rfc9162Reference.over(D.subList(0, 7)));

    @Test
    void inclusion_proofs_are_the_rfc_examples() {
        assertThat(seven.inclusion(0, 7)).containsExactly(b, h, ll);
        assertThat(seven.inclusion(3, 7)).containsExactly(c, g, ll);
        assertThat(seven.inclusion(4, 7)).containsExactly(f, j, k);
        assertThat(seven.inclusion(6, 7)).containsExactly(i, k);
        assertThat(Rfc9162.verifyInclusion(3, 7, d, List.of(c, g, ll), root7)).isTrue();
        assertThat(Rfc9162.verifyInclusion(3, 7, d, List.of(c, g, k), root7)).isFalse();
        assertThat(Rfc9162.verifyInclusion(2, 7, d, List.of(c, g, ll), root7)).isFalse();
    }

    @Test
    void consistency_proofs_are_the_rfc_examples() {
        assertThat(seven.consistency(3, 7)).containsExactly(c, d, g, ll);
        assertThat(seven.consistency(4, 7)).containsExactly(ll);
        assertThat(seven.consistency(6, 7)).containsExactly(i, j, k);
        assertThat(Rfc9162.verifyConsistency(3, 7, node(g, c), root7, List.of(c, d, g, ll))).isTrue();
        assertThat(Rfc9162.verifyConsistency(4, 7, k, root7, List.of(ll))).isTrue();
        assertThat(Rfc9162.verifyConsistency(6, 7, node(k, i), root7, List.of(i, j, k))).isTrue();
        assertThat(Rfc9162.verifyConsistency(4, 7, g, root7, List.of(ll))).as("wrong old root").isFalse();
        assertThat(Rfc9162.verifyConsistency(3, 7, node(g, c), root7, List.of(c, d, g))).as("proof cut short").isFalse();
    }

    @Test
    void equal_sizes_need_equal_roots_and_an_empty_proof() {
        assertThat(Rfc9162.verifyConsistency(7, 7, root7, root7, List.of())).isTrue();
        assertThat(Rfc9162.verifyConsistency(7, 7, root7, k, List.of())).isFalse();
        assertThat(Rfc9162.verifyConsistency(7, 7, root7, root7, List.of(k))).isFalse();
        assertThat(Rfc9162.verifyConsistency(8, 7, root7, root7, List.of())).as("a larger old tree").isFalse();
    }
}
