package org.phasegate.store.tree;

import java.util.Arrays;
import java.util.List;
import org.phasegate.store.crypto.Hashes;

/**
 * Merkle tree hashing and proof verification exactly as RFC 9162 (Certificate Transparency v2) defines them:
 * leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right); the verification procedures of §2.1.3.2
 * (inclusion) and §2.1.4.2 (consistency), step for step, so a third party can follow them with the RFC beside.
 */
public final class Rfc9162 {
    private static final byte[] LEAF = {0};
    private static final byte[] NODE = {1};

    private Rfc9162() {
    }

    public static byte[] leafHash(byte[] data) {
        return Hashes.sha256(LEAF, data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return Hashes.sha256(NODE, left, right);
    }

    /** MTH({}) = SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return Hashes.sha256(new byte[0]);
    }

    /** §2.1.3.2: does {@code path} prove that the leaf with this hash is leaf {@code index} of the tree with this root? */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= treeSize) return false;
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (var p : path) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * §2.1.4.2: does {@code path} prove that the tree of {@code second} leaves with root {@code secondRoot} extends the
     * tree of {@code first} leaves with root {@code firstRoot}? Equal sizes need equal roots and an empty proof; the RFC's
     * procedure covers 0 < first < second.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {
        if (first < 1 || first > second) return false;
        if (first == second) return path.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        if (path.isEmpty()) return false;
        var proof = new java.util.ArrayList<>(path);
        if (Long.bitCount(first) == 1) proof.addFirst(firstRoot);
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = proof.getFirst();
        byte[] sr = proof.getFirst();
        for (var c : proof.subList(1, proof.size())) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }
}
