package org.phasegate.store.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.phasegate.store.Fixtures.as;
import static org.phasegate.store.Fixtures.parse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phasegate.store.Fixtures;
import org.phasegate.store.RecordRefused;
import org.phasegate.store.Store;

/** What the store refuses to write whatever reader let it through: each refusal names the record, field and line. */
class StoreInputTest {
    private static Store store;

    @BeforeAll
    static void start() {
        store = Fixtures.storeWithCast();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    /** A valid incident line with one part replaced (the value is JSON text, so escapes such as \\n stay escapes). */
    private static String line(String from, String to) {
        var s = Fixtures.incident("x-1", "");
        assertThat(s).contains(from);
        return s.replace(from, to);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`\"id\":\"x-1\"`|`\"id\":\"x-1\\nsecond line\"`|record id 'x-1?second line' contains a control character (U+000A)",
            "`\"killed\":0`|`\"killed\":1e308`|field 'quantities.killed' has value 1.0E308, not a count between 0 and 10^12",
            "`2026-01-05T10:00:00Z`|`+999999-01-05T10:00:00Z`|field 'time' has value '+999999-01-05T10:00:00Z', outside 1900..2199"})
    void bad_values_are_refused_with_their_record_field_and_line(String from, String to, String message) {
        var batch = parse(Fixtures.incident("ok-1", "") + "\n" + line(from, to));
        long before = store.ledger().size();
        assertThatThrownBy(() -> store.records().add(as(store, "mona"), batch)).isInstanceOf(RecordRefused.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(((RecordRefused) e).line()).isEqualTo(2));
        assertThat(store.ledger().size()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void ids_of_200_characters_are_stored_and_longer_ones_refused_before_the_store() {
        var id = "i".repeat(200);
        store.records().add(as(store, "mona"), parse(Fixtures.incident(id, "")));
        assertThat(store.records().state(id)).isNotNull();
        // the reader refuses longer ids, lone surrogates and control characters first (issue 11); the store checks again
        assertThatThrownBy(() -> parse(Fixtures.incident(id + "i", ""))).hasMessageContaining("record id is 201 characters long; at most 200");
    }
}
