package org.phasegate.store.users;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.phasegate.store.StoreException;
import org.phasegate.store.crypto.DataKey;

/**
 * A private signing key sealed twice: AES-256-GCM under a key derived from the user's password (Argon2id, its own
 * salt), then AES-256-GCM under the data key. The data key alone opens only the outer layer, so it cannot sign for
 * anyone; rotating the data key re-seals the outer layer without knowing any password.
 */
final class KeySeal {
    private static final int SALT = 16;
    private static final int NONCE = 12;

    record Sealed(byte[] nonce, byte[] ciphertext, byte[] kekSalt) {
    }

    private KeySeal() {
    }

    static Sealed seal(DataKey dataKey, String password, byte[] privateKey, String name, SecureRandom random) {
        var salt = new byte[SALT];
        random.nextBytes(salt);
        var inner = new DataKey(Passwords.deriveKey(password, salt)).seal(privateKey, aad(name));
        var outer = dataKey.seal(concat(inner.nonce(), inner.ciphertext()), aad(name));
        return new Sealed(outer.nonce(), outer.ciphertext(), salt);
    }

    /** Opens both layers; a null salt means a key written before passwords sealed keys (data key only). */
    static byte[] open(DataKey dataKey, String password, Sealed sealed, String name) {
        byte[] inner;
        try {
            inner = dataKey.open(new DataKey.Sealed(sealed.nonce(), sealed.ciphertext()), aad(name));
        } catch (StoreException e) {
            throw new StoreException("cannot unlock " + name + "'s signing key: this store was set up with another data key"
                    + " (give the right one with --key-file or " + DataKey.ENV + ")");
        }
        if (sealed.kekSalt() == null) return inner;
        var kek = new DataKey(Passwords.deriveKey(password, sealed.kekSalt()));
        return kek.open(new DataKey.Sealed(Arrays.copyOf(inner, NONCE), Arrays.copyOfRange(inner, NONCE, inner.length)), aad(name));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] aad(String name) {
        return ("phasegate user key " + name).getBytes(StandardCharsets.UTF_8);
    }
}
