package org.phasegate.store.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.phasegate.store.StoreException;

/**
 * The secret that encrypts confidential payloads and private signing keys at rest (AES-256-GCM). It comes from a
 * file or the environment, never from the database; sub-keys for other purposes are derived by HMAC.
 */
public final class DataKey {
    public static final String ENV = "PHASEGATE_DATA_KEY";
    private static final int NONCE = 12;
    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    public DataKey(byte[] key) {
        if (key.length != 32) throw new StoreException("the data key must be 32 bytes (base64 of 32 random bytes)");
        this.key = key.clone();
    }

    public static DataKey fromBase64(String text) {
        try {
            return new DataKey(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new StoreException("the data key is not base64: " + e.getMessage());
        }
    }

    /** Reads the key file, creating it (owner-only) with a fresh random key if it does not exist. */
    public static DataKey fromFile(Path file, boolean createIfMissing) {
        try {
            if (Files.notExists(file) && createIfMissing) {
                var fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
                createOwnerOnly(file);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            }
            return fromBase64(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreException("cannot read the data key file " + file + ": " + e.getMessage());
        }
    }

    /** Created owner-only from the start, so the key is never readable by others, not even for a moment. */
    private static void createOwnerOnly(Path file) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        else Files.createFile(file);   // no POSIX permissions here: the file keeps the file system's defaults
    }

    /** A sealed payload: nonce and ciphertext (with GCM tag). */
    public record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    public Sealed seal(byte[] plaintext, byte[] associatedData) {
        var nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            var c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(associatedData);
            return new Sealed(nonce, c.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] open(Sealed sealed, byte[] associatedData) {
        try {
            var c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed.nonce()));
            c.updateAAD(associatedData);
            return c.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot decrypt: wrong data key, or the stored ciphertext was altered");
        }
    }

    /** A key for another purpose (e.g. the registry's pseudonyms), so one secret serves all. */
    public byte[] derive(String purpose) {
        return hmac(key, purpose.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
