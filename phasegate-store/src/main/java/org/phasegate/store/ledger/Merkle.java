package org.phasegate.store.ledger;

import java.util.ArrayList;
import java.util.List;
import org.phasegate.store.crypto.Hashes;

/** Merkle root over entry hashes (RFC 6962 style: leaves and nodes domain-separated, odd node promoted). */
public final class Merkle {
    private Merkle() {
    }

    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) return Hashes.sha256(new byte[0]);
        List<byte[]> level = new ArrayList<>(leaves.size());
        for (var l : leaves) level.add(Hashes.sha256(new byte[] {0}, l));
        while (level.size() > 1) {
            var next = new ArrayList<byte[]>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? Hashes.sha256(new byte[] {1}, level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }
}
