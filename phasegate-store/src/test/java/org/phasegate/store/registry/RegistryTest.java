package org.phasegate.store.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.as;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasegate.store.Fixtures;
import org.phasegate.store.Store;
import org.phasegate.store.StoreException;

/** The buy-back registry: pseudonyms, tranches, and duplicate claimants found across identities and records. */
class RegistryTest {
    private static Store store;
    private static Registry registry;

    @BeforeAll
    static void start() {
        store = Fixtures.storeWithCast();
        registry = store.registry();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void pseudonyms_are_stable_keyed_and_ignore_formatting() {
        assertThat(registry.pseudonym("pa-123 456")).isEqualTo(registry.pseudonym("PA123456")).startsWith("P-").hasSize(26);
        assertThat(registry.pseudonym("PA123456")).isNotEqualTo(registry.pseudonym("PA123457"));
        var otherKey = new Registry(store.database().dataSource(), org.phasegate.store.crypto.DataKey.fromBase64(
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), Fixtures.CLOCK, 64);
        assertThat(otherKey.pseudonym("PA123456")).isNotEqualTo(registry.pseudonym("PA123456"));
    }

    @Test
    void the_same_identity_cannot_enrol_twice() {
        registry.enrol(as(store, "mona"), "GZ-0001", List.of());
        assertThatThrownBy(() -> registry.enrol(as(store, "nina"), "gz 0001", List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("already enrolled").hasMessageContaining("duplicate claimant");
    }

    @Test
    void double_dipping_across_identities_and_records_is_found() {
        var mona = as(store, "mona");
        var bea = as(store, "bea");
        var a = registry.enrol(mona, "GZ-1001", List.of("fingerprint:7f3a"));
        var b = registry.enrol(mona, "GZ-2002", List.of("fingerprint:7F3A"));   // same person, second document
        var c = registry.enrol(mona, "GZ-3003", List.of("phone:+970599000111"));
        registry.handIn(mona, a, "small-arms", 1, List.of("AK-55501"));
        registry.handIn(mona, c, "small-arms", 1, List.of("ak 55501"));          // same rifle claimed again
        registry.pay(bea, a, 1, 500);
        registry.pay(bea, b, 1, 500);                                           // b never handed anything in
        registry.status(mona, a, "in-training");
        assertThatThrownBy(() -> registry.pay(bea, a, 1, 500)).isInstanceOf(StoreException.class).hasMessageContaining("already paid");

        var findings = registry.duplicates();
        assertThat(findings).extracting(Finding::kind).contains("same-person", "same-weapon", "unbacked-payment");
        assertThat(findings).filteredOn(f -> f.kind().equals("same-person")).singleElement()
                .satisfies(f -> assertThat(f.participants()).containsExactly(a, b));
        assertThat(findings).filteredOn(f -> f.kind().equals("same-weapon")).singleElement()
                .satisfies(f -> assertThat(f.participants()).containsExactly(a, c));
        assertThat(findings).filteredOn(f -> f.kind().equals("unbacked-payment")).extracting(f -> f.participants().get(0)).containsExactly(b);
    }

    @Test
    void a_tranche_paid_twice_in_the_records_is_found() {
        var events = List.of(
                new RegistryEvent(1, "P-x", "handin", org.phasegate.store.ledger.Canonical.parse("{\"serials\":[]}")),
                new RegistryEvent(2, "P-x", "payment", org.phasegate.store.ledger.Canonical.parse("{\"tranche\":2}")),
                new RegistryEvent(3, "P-x", "payment", org.phasegate.store.ledger.Canonical.parse("{\"tranche\":2}")));
        assertThat(DoubleDipping.find(events)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("same-tranche");
            assertThat(f.entries()).containsExactly(2L, 3L);
        });
    }

    @Test
    void roles_and_values_are_checked() {
        var mona = as(store, "mona");
        var p = registry.enrol(mona, "GZ-9009", List.of());
        assertThatThrownBy(() -> registry.pay(mona, p, 1, 100)).hasMessageContaining("only a board may record payments");
        assertThatThrownBy(() -> registry.enrol(as(store, "ana"), "GZ-9010", List.of())).hasMessageContaining("only a monitor");
        assertThatThrownBy(() -> registry.handIn(mona, p, "tank", 1, List.of())).hasMessageContaining("not one of");
        assertThatThrownBy(() -> registry.status(mona, p, "happy")).hasMessageContaining("not one of");
        assertThatThrownBy(() -> registry.status(mona, "P-nobody", "disarmed")).hasMessageContaining("enrol them first");
    }

    @Test
    void no_identity_document_number_is_stored() throws Exception {
        registry.enrol(as(store, "mona"), "SECRETDOC-4242", List.of("phone:+970599123456"));
        try (var c = store.database().ownerConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT string_agg(t::text, ' ') FROM (SELECT payload FROM ledger_entry UNION ALL"
                     + " SELECT detail FROM registry_event UNION ALL SELECT pseudo_id FROM registry_participant) t")) {
            rs.next();
            assertThat(rs.getString(1)).doesNotContainIgnoringCase("SECRETDOC").doesNotContain("+970").doesNotContain("phone");
        }
    }
}
