package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.phasegate.store.Fixtures;

/** The Ledger page: the signed head and its signatures, verification for signed-in users, proofs checked in the browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerPageTest {
    @RegisterExtension
    final Dashboard web = new Dashboard();

    @Test
    void anyone_sees_the_signed_head_and_a_record_proof_that_checks_in_the_browser() {
        var b = web.browser();
        b.logout();
        b.openPath("/ledger.html?record=g25-0001");
        assertThat(b.find("#tree-size").getText().replace(",", "")).isEqualTo(Long.toString(web.store().ledger().lastSeq()));
        assertThat(b.find("#root-hash").getText()).matches("[0-9a-f]{64}");
        assertThat(b.find("#witnesses-body").getText()).contains("No witness has cosigned this head yet");
        var size = Long.parseLong(b.find("#tree-size").getText().replace(",", ""));
        var store = web.store();
        store.heads().sign(store.users().actor("nina", Fixtures.PASSWORD), size, HexFormat.of().parseHex(b.find("#root-hash").getText()));
        b.openPath("/ledger.html?record=g25-0001");
        assertThat(b.find("#witnesses-body tbody").getText()).contains("nina", "ICRC");
        assertThat(b.await("#proof-status").getText()).startsWith("Checked in this browser: entry ").contains("record g25-0001");
        assertThat(b.find("#verify-body").getText()).contains("Signed-in users");
        b.screenshot("ledger-anonymous");
        b.assertNoConsoleErrors();
    }

    /** The browser's check is a real one: the server's proof passes it, and the same proof with one bit changed fails it. */
    @Test
    @SuppressWarnings("unchecked")
    void the_browser_check_refuses_a_proof_with_one_bit_changed() {
        var b = web.browser();
        b.open("ledger");
        var results = (List<Boolean>) b.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/js/merkle.js'), fetch('/api/v1/ledger/proofs/inclusion/g25-0002').then(r => r.json())]).then(async ([m, p]) => {
                  const flip = h => (parseInt(h[0], 16) ^ 1).toString(16) + h.slice(1);
                  const good = await m.verifyInclusion(p.leafIndex, p.treeSize, p.leafHash, p.inclusionPath, p.rootHash);
                  const badPath = await m.verifyInclusion(p.leafIndex, p.treeSize, p.leafHash, [flip(p.inclusionPath[0]), ...p.inclusionPath.slice(1)], p.rootHash);
                  const badLeaf = await m.verifyInclusion(p.leafIndex, p.treeSize, flip(p.leafHash), p.inclusionPath, p.rootHash);
                  const badIndex = await m.verifyInclusion(p.leafIndex + 1, p.treeSize, p.leafHash, p.inclusionPath, p.rootHash);
                  const leaf = (await m.leafHash(p.entryHash)) === p.leafHash;
                  done([good, badPath, badLeaf, badIndex, leaf, p.inclusionPath.length > 0]);
                });
                """);
        assertThat(results).containsExactly(true, false, false, false, true, true);
    }

    @Test
    void a_signed_in_reader_sees_the_ledger_verified() {
        var b = web.browser();
        b.login("ana");
        b.open("ledger");
        assertThat(b.await("#verify-status").getText()).startsWith("Every hash, link and signature checks: ");
        b.screenshot("ledger-analyst");
        b.assertNoConsoleErrors();
        b.logout();
    }
}
