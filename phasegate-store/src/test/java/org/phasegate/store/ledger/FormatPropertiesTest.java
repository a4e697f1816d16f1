package org.phasegate.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.phasegate.store.StoreException;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.crypto.Ed25519;

/** The ledger's formats and parsers: canonical JSON, export lines, data keys. */
class FormatPropertiesTest {
    @Property
    void quoting_matches_the_canonical_json_writer(@ForAll String s) {
        assertThat(Canonical.quote(s)).isEqualTo(Canonical.json(Canonical.JSON.getNodeFactory().textNode(s)));
    }

    @Property
    void canonical_json_is_a_fixed_point_whatever_the_key_order(@ForAll Map<@Size(max = 8) String, String> fields) {
        var forward = Canonical.object();
        fields.forEach(forward::put);
        var text = Canonical.json(forward);
        assertThat(Canonical.json(Canonical.parse(text))).isEqualTo(text);
        var reversed = Canonical.object();
        fields.keySet().stream().sorted(java.util.Comparator.reverseOrder()).forEach(k -> reversed.put(k, fields.get(k)));
        assertThat(Canonical.json(reversed)).isEqualTo(text);
    }

    @Property(tries = 200)
    void an_exported_line_reads_back_as_the_same_entry(@ForAll @LongRange(min = 1) long seq, @ForAll String kind, @ForAll String actor,
                                                       @ForAll String note, @ForAll @LongRange(min = 0, max = 4_000_000_000L) long second) {
        var payload = Canonical.json(Canonical.object().put("note", note));
        var at = Entry.truncate(Instant.ofEpochSecond(second, 123_456_789));
        var signer = new Ed25519.Signer(new byte[32]);
        var hash = org.phasegate.store.crypto.Hashes.sha256(Entry.body(seq, kind, actor, at, payload, Entry.GENESIS));
        var e = new Entry(seq, kind, actor, at, payload, Entry.GENESIS, hash, signer.sign(hash));
        var back = Ledger.fromLine(Ledger.toLine(e), 1);
        assertThat(back).usingRecursiveComparison().isEqualTo(e);
        assertThat(back.computeHash()).isEqualTo(hash);
    }

    @Property
    void any_other_line_is_refused_with_its_line_number(@ForAll String line) {
        try {
            Ledger.fromLine(line, 7);
        } catch (StoreException expected) {
            assertThat(expected.getMessage()).startsWith("export line 7:");
        }
    }

    @Property
    void a_data_key_is_32_bytes_of_base64_or_a_clear_refusal(@ForAll String text) {
        try {
            DataKey.fromBase64(text);
        } catch (StoreException expected) {
            assertThat(expected.getMessage()).contains("data key");
        }
        assertThatThrownBy(() -> DataKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}
