package org.phasegate.store.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.phasegate.store.Fixtures;
import org.phasegate.store.ledger.Canonical;

/** Identity document numbers as typed by people: formatting never changes the pseudonym; a different number does. */
class PseudonymPropertiesTest {
    private final Registry registry = new Registry(null, Fixtures.KEY, Clock.systemUTC(), 0);

    @Property
    void spaces_dashes_and_case_do_not_change_the_pseudonym(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) String number) {
        var spaced = String.join(" ", number.split("")).toLowerCase();
        var dashed = number.replaceAll("(.{3})", "$1-").toUpperCase();
        assertThat(registry.pseudonym(spaced)).isEqualTo(registry.pseudonym(number)).isEqualTo(registry.pseudonym(dashed));
    }

    @Property
    void different_numbers_get_different_pseudonyms(@ForAll @NumericChars @StringLength(min = 4, max = 12) String number) {
        assertThat(registry.pseudonym(number + "1")).isNotEqualTo(registry.pseudonym(number + "2"));
    }

    @Property
    void double_dipping_finds_every_weapon_claimed_twice(@ForAll @StringLength(min = 1, max = 8) @AlphaChars String serialTag,
                                                        @ForAll boolean sameParticipant) {
        var detail = Canonical.parse("{\"serials\":[" + Canonical.quote(serialTag) + "]}");
        var events = List.of(new RegistryEvent(1, "P-a", "handin", detail),
                new RegistryEvent(2, sameParticipant ? "P-a" : "P-b", "handin", detail));
        assertThat(DoubleDipping.find(events)).filteredOn(f -> f.kind().equals("same-weapon")).singleElement()
                .satisfies(f -> assertThat(f.entries()).containsExactly(1L, 2L));
    }
}
