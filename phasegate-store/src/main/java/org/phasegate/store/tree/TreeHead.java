package org.phasegate.store.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.phasegate.store.StoreException;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Canonical;

/**
 * A tree head: the ledger's size and RFC 9162 root hash, with the signatures users have put on it. Each signature is
 * Ed25519 over {@link #message} (size, root, the signer's time), by the signer's key registered in ledger entry
 * {@code keySeq}.
 */
public record TreeHead(long treeSize, byte[] rootHash, Instant timestamp, List<Signature> signatures) {
    public TreeHead {
        if (treeSize < 0) throw new IllegalArgumentException("tree size " + treeSize);
        if (rootHash.length != 32) throw new IllegalArgumentException("root hash of " + rootHash.length + " bytes");
        signatures = List.copyOf(signatures);
    }

    /** One user's signature on a head; {@code keyId} is the first 8 bytes of SHA-256 of the public key, in hex. */
    public record Signature(String signer, String org, long keySeq, String keyId, Instant timestamp, byte[] signature) {
    }

    /** The bytes a signer signs. */
    public static byte[] message(long treeSize, byte[] rootHash, Instant at) {
        return ("phasegate tree head v1\n" + treeSize + "\n" + Hashes.hex(rootHash) + "\n" + at + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static String keyId(byte[] publicKey) {
        return Hashes.hex(Hashes.sha256(publicKey)).substring(0, 16);
    }

    public String toJson() {
        var o = Canonical.object().put("treeSize", treeSize).put("rootHash", Hashes.hex(rootHash)).put("timestamp", timestamp.toString());
        var sigs = o.putArray("signatures");
        for (var s : signatures) {
            sigs.addObject().put("signer", s.signer()).put("org", s.org()).put("keySeq", s.keySeq()).put("keyId", s.keyId())
                    .put("timestamp", s.timestamp().toString()).put("signature", Base64.getEncoder().encodeToString(s.signature()));
        }
        return o.toPrettyString();
    }

    /** Reads a head as {@code ledger head} printed it; {@code source} names the file in messages. */
    public static TreeHead parse(String json, String source) {
        JsonNode o;
        try {
            o = Canonical.parse(json);
        } catch (IllegalArgumentException e) {
            throw new StoreException(source + ": not a tree head (" + e.getMessage() + "); save the output of phasegate ledger head");
        }
        if (!o.isObject()) throw new StoreException(source + ": not a tree head (a JSON object from phasegate ledger head)");
        long size = number(o, "treeSize", source);
        var root = hex(o, "rootHash", source);
        var at = time(o, "timestamp", source);
        var sigs = new ArrayList<Signature>();
        var list = o.path("signatures");
        if (!list.isMissingNode() && !list.isArray()) throw bad(source, "signatures", list, "a list");
        for (int i = 0; i < list.size(); i++) {
            var s = list.get(i);
            var where = "signatures[" + i + "]";
            sigs.add(new Signature(string(s, "signer", source, where), string(s, "org", source, where), number(s, "keySeq", source),
                    string(s, "keyId", source, where), time(s, "timestamp", source), base64(s, "signature", source, where)));
        }
        if (size < 1) throw bad(source, "treeSize", o.get("treeSize"), "a positive number of entries");
        return new TreeHead(size, root, at, sigs);
    }

    private static long number(JsonNode o, String field, String source) {
        var v = o.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) throw bad(source, field, v, "a whole number");
        return v.asLong();
    }

    private static byte[] hex(JsonNode o, String field, String source) {
        var v = o.get(field);
        if (v == null || !v.isTextual() || !v.asText().matches("[0-9a-f]{64}")) throw bad(source, field, v, "64 lower-case hex digits");
        return Hashes.unhex(v.asText());
    }

    private static Instant time(JsonNode o, String field, String source) {
        var v = o.get(field);
        try {
            if (v != null && v.isTextual()) return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw bad(source, field, v, "an instant such as 2026-01-10T08:00:00Z");
    }

    private static String string(JsonNode o, String field, String source, String where) {
        var v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) throw bad(source, where + "." + field, v, "text");
        return v.asText();
    }

    private static byte[] base64(JsonNode o, String field, String source, String where) {
        var v = o.get(field);
        try {
            if (v != null && v.isTextual()) return Base64.getDecoder().decode(v.asText());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw bad(source, where + "." + field, v, "base64");
    }

    private static StoreException bad(String source, String field, JsonNode v, String want) {
        var shown = v == null ? "nothing" : "'" + (v.toString().length() > 80 ? v.toString().substring(0, 77) + "..." : v.toString()) + "'";
        return new StoreException(source + ": field '" + field + "' has " + shown + ", not " + want
                + " (save the output of phasegate ledger head unchanged)");
    }
}
