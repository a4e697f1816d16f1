package org.phasegate.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.SourceRef;

/**
 * SHA-256 of a list of evidence records' content, in order: every field, each text length-prefixed, maps in key
 * order, numbers by their bits. Two lists with different content get different digests (as far as SHA-256 goes),
 * unlike {@code List.hashCode}, which a 32-bit sum lets collide (and which "Aa" and "BB" already do), so it may key a
 * cache of answers computed from the records.
 */
final class RecordsDigest {
    private final MessageDigest sha;

    private RecordsDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(List<EvidenceRecord> records) {
        var d = new RecordsDigest();
        d.number(records.size());
        records.forEach(d::record);
        return HexFormat.of().formatHex(d.sha.digest());
    }

    private void record(EvidenceRecord r) {
        text(r.id());
        text(r.type().name());
        number(r.time().getEpochSecond());
        number(r.time().getNano());
        optional(r.party());
        optional(r.place().pcode());
        optional(r.place().geometryJson());
        number(r.quantities().size());
        new TreeMap<>(r.quantities()).forEach((k, v) -> {
            text(k);
            number(Double.doubleToLongBits(v));
        });
        texts(r.attributes());
        optional(r.obligation());
        optional(r.progress().map(String::valueOf));
        number(r.disputed() ? 1 : 0);
        attestation(r.reporter());
        number(r.attestations().size());
        r.attestations().forEach(this::attestation);
        number(r.sources().size());
        r.sources().forEach(this::source);
    }

    private void attestation(Attestation a) {
        text(a.by());
        text(a.org());
    }

    private void source(SourceRef s) {
        text(s.url());
        optional(s.title());
        optional(s.sha256());
    }

    private void texts(Map<String, String> m) {
        number(m.size());
        new TreeMap<>(m).forEach((k, v) -> {
            text(k);
            text(v);
        });
    }

    private void optional(Optional<String> s) {
        number(s.isPresent() ? 1 : 0);
        s.ifPresent(this::text);
    }

    private void text(String s) {
        var bytes = s.getBytes(StandardCharsets.UTF_8);
        number(bytes.length);
        sha.update(bytes);
    }

    private void number(long n) {
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(n).array());
    }
}
