package org.phasegate.store.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.phasegate.store.Fixtures.as;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Populated;
import org.phasegate.store.Store;
import org.phasegate.store.Tx;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/**
 * Heads on the real database: the stored tree is the RFC's tree over the entry hashes; a saved head is proven by a
 * consistency proof after appends, and removing, rolling back or rewriting the newest entries is caught.
 */
class HeadsTest {
    private Store store;
    private TreeHead saved;

    @BeforeEach
    void start() {
        store = Populated.store();
        var a = store.audit();
        saved = store.heads().head(a.treeSize(), a.root());
        assertThat(saved.signatures()).extracting(TreeHead.Signature::signer).containsExactly("nina");
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private List<byte[]> entryHashes() {
        return Tx.run(store.database().dataSource(), c -> {
            var out = new ArrayList<byte[]>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT hash FROM ledger_entry ORDER BY seq")) {
                while (rs.next()) out.add(rs.getBytes(1));
            }
            return out;
        });
    }

    private void append(int n) {
        var mike = as(store, "mike");
        Tx.run(store.database().dataSource(), c -> {
            var a = Appender.begin(c, 64);
            for (int i = 0; i < n; i++) a.append(Kinds.BENCH, mike, Canonical.object().put("later", i), Fixtures.CLOCK.instant());
            a.flush();
            return null;
        });
    }

    /** What an attacker who truncates also does: the witnesses keep their own copies of the head. */
    private void dropStoredSignatures() throws SQLException {
        try (var c = store.database().ownerConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.executeUpdate("DELETE FROM head_signature");
        }
    }

    @Test
    void stored_subtrees_give_the_rfc_tree_over_the_entry_hashes() {
        var leaves = entryHashes();
        assertThat(leaves.size()).isGreaterThan(300);
        assertThat(store.audit().root()).isEqualTo(Rfc9162Reference.mth(leaves));
        Tx.run(store.database().dataSource(), c -> {
            var stored = new Proofs(new TreeNodes(c));
            var reference = new Proofs(Rfc9162Reference.over(leaves));
            for (long m : new long[] {1, 7, 255, 256, 257, 300, leaves.size() - 1}) {
                assertThat(stored.consistency(m, leaves.size())).as("from %d", m).containsExactlyElementsOf(reference.consistency(m, leaves.size()));
                assertThat(stored.inclusion(m - 1, leaves.size())).as("leaf %d", m - 1).containsExactlyElementsOf(reference.inclusion(m - 1, leaves.size()));
                // the same through the prefetching path, on a fresh instance: one bulk read, then the proof
                assertThat(new TreeNodes(c).consistency(m, leaves.size())).containsExactlyElementsOf(reference.consistency(m, leaves.size()));
                assertThat(new TreeNodes(c).inclusion(m - 1, leaves.size())).containsExactlyElementsOf(reference.inclusion(m - 1, leaves.size()));
            }
            return null;
        });
    }

    @Test
    void a_saved_head_is_proven_after_appends_with_its_signers_organisation() {
        append(40);
        var a = store.audit();
        var check = store.heads().check(saved, a.treeSize(), a.root(), "head.json");
        assertThat(check.problem()).isEmpty();
        assertThat(check.proofHashes()).isPositive();
        assertThat(check.organisations()).containsExactly("ICRC");
    }

    @Test
    void removing_the_newest_entries_is_caught_by_the_head() throws SQLException {
        try (var c = store.database().ownerConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.executeUpdate("DELETE FROM ledger_entry WHERE seq > " + (saved.treeSize() - 3));
        }
        assertThat(store.audit().problem()).as("the stored cosignature remembers the size").hasValue("table head_signature, key (tree_size="
                + saved.treeSize() + ", signer='nina'): signs a head of " + saved.treeSize() + " entries; the ledger has " + (saved.treeSize() - 3));
        dropStoredSignatures();
        var a = store.audit();
        assertThat(a.ok()).as("a truncated ledger without its cosignatures verifies on its own: %s", a.problem()).isTrue();
        assertThat(store.heads().check(saved, a.treeSize(), a.root(), "head.json").problem()).hasValue("head.json is a head of "
                + saved.treeSize() + " entries, but the ledger has only " + (saved.treeSize() - 3) + ": entries " + (saved.treeSize() - 2)
                + ".." + saved.treeSize() + " were removed (truncated or rolled back)");
    }

    @Test
    void a_rollback_followed_by_new_entries_is_a_fork() throws SQLException {
        try (var c = store.database().ownerConnection(); var st = c.createStatement()) {
            st.execute("SET session_replication_role = replica");
            st.executeUpdate("DELETE FROM ledger_entry WHERE seq > " + (saved.treeSize() - 2));
        }
        dropStoredSignatures();
        append(5);
        var a = store.audit();
        assertThat(a.ok()).isTrue();
        assertThat(a.treeSize()).isGreaterThan(saved.treeSize());
        assertThat(store.heads().check(saved, a.treeSize(), a.root(), "head.json").problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("the ledger is not an append-only extension of head.json: its first " + saved.treeSize() + " entries hash to ")
                .contains("a fork"));
    }

    @Test
    void an_altered_signature_in_the_head_file_is_refused() {
        var s = saved.signatures().getFirst();
        var forged = new TreeHead(saved.treeSize(), saved.rootHash(), saved.timestamp(),
                List.of(new TreeHead.Signature(s.signer(), "Board of Peace", s.keySeq(), s.keyId(), s.timestamp(), s.signature())));
        var a = store.audit();
        assertThat(store.heads().check(forged, a.treeSize(), a.root(), "head.json").problem())
                .hasValue("head.json: the signature by 'nina' claims organisation 'Board of Peace'; the ledger has 'ICRC'");
        var reparsed = TreeHead.parse(saved.toJson().replace(saved.timestamp().toString().substring(0, 4), "2031"), "head.json");
        assertThat(store.heads().check(reparsed, a.treeSize(), a.root(), "head.json").problem())
                .hasValue("head.json: the signature by 'nina' does not verify (the head or its signature was altered)");
    }
}
