package org.phasegate.store.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phasegate.store.StoreException;

/** A saved head reads back as printed; a damaged one is refused naming the file, the field and the value. */
class TreeHeadTest {
    private static final TreeHead HEAD = new TreeHead(325, new byte[32], Instant.parse("2026-01-10T08:00:00Z"),
            List.of(new TreeHead.Signature("nina", "ICRC", 4, "00112233aabbccdd", Instant.parse("2026-01-10T08:00:00.123456Z"), new byte[] {1, 2, 3})));

    @Test
    void a_printed_head_reads_back() {
        var back = TreeHead.parse(HEAD.toJson(), "head.json");
        assertThat(back.treeSize()).isEqualTo(325);
        assertThat(back.rootHash()).isEqualTo(new byte[32]);
        assertThat(back.timestamp()).isEqualTo(HEAD.timestamp());
        assertThat(back.signatures()).singleElement().satisfies(s -> {
            assertThat(s.signer()).isEqualTo("nina");
            assertThat(s.keySeq()).isEqualTo(4);
            assertThat(s.timestamp()).isEqualTo(Instant.parse("2026-01-10T08:00:00.123456Z"));
            assertThat(s.signature()).containsExactly(1, 2, 3);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"treeSize\" : 325|\"treeSize\" : \"many\"|field 'treeSize' has '\"many\"', not a whole number",
        "\"treeSize\" : 325|\"treeSize\" : 0|field 'treeSize' has '0', not a positive number of entries",
        "\"rootHash\" : \"0000|\"rootHash\" : \"zz00|field 'rootHash' has '\"zz00",
        "\"signer\" : \"nina\"|\"signer\" : \"\"|field 'signatures[0].signer' has '\"\"', not text",
        "\"timestamp\" : \"2026-01-10T08:00:00Z\"|\"timestamp\" : \"yesterday\"|field 'timestamp' has '\"yesterday\"', not an instant"})
    void a_damaged_head_is_refused_with_its_field(String from, String to, String message) {
        var json = HEAD.toJson();
        assertThat(json).contains(from);
        assertThatThrownBy(() -> TreeHead.parse(json.replace(from, to), "head.json"))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("head.json: ").hasMessageContaining(message)
                .hasMessageContaining("save the output of phasegate ledger head");
    }

    @Test
    void not_json_is_refused() {
        assertThatThrownBy(() -> TreeHead.parse("{\"treeSize\": 3", "h.json")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("h.json: not a tree head");
        assertThatThrownBy(() -> TreeHead.parse("[1]", "h.json")).hasMessageStartingWith("h.json: not a tree head");
    }
}
