package org.phasegate.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Organisation names that differ only in case, spacing or Unicode compatibility form are one organisation. */
class OrgNameTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "UNOPS|'UNOPS '", "UNOPS|unops", "UNOPS|'\u3000ＵＮＯＰＳ'", "Board of Peace|'board  of\tpeace'",
            "Straße|STRASSE", "Médecins Sans Frontières|'Me\u0301decins sans frontie\u0300res'"})
    void variants_normalise_alike(String a, String b) {
        assertThat(OrgName.normalise(b)).isEqualTo(OrgName.normalise(a));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"UNOPS|UNDP", "ICRC|IFRC", "Board of Peace|Board-of-Peace"})
    void different_names_stay_different(String a, String b) {
        assertThat(OrgName.normalise(b)).isNotEqualTo(OrgName.normalise(a));
    }

    @org.junit.jupiter.api.Test
    void the_gate_engine_counts_an_organisation_once_whatever_its_spelling() {
        var record = new EvidenceRecord("r", RecordType.INCIDENT, Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(), Place.UNKNOWN,
                Map.of(), Map.of(), Optional.empty(), Optional.empty(), false, new Attestation("mona", "UNOPS"),
                List.of(new Attestation("a", "ICRC"), new Attestation("b", "icrc "), new Attestation("c", "ＩＣＲＣ"),
                        new Attestation("d", " unops"), new Attestation("e", "EUBAM")), List.of());
        assertThat(record.independentAttestations()).isEqualTo(2);
    }
}
