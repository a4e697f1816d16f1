package org.phasegate.store.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.phasegate.store.StoreException;

/** Argon2id password hashes in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash). */
public final class Passwords {
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int LANES = 1;
    /** NIST SP 800-63B asks for at least 8; 12 leaves room for passphrases of a few words. */
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private Passwords() {
    }

    public static String hash(String password) {
        var salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        var hash = derive(password, salt, MEMORY_KIB, ITERATIONS, LANES);
        var b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + b64.encodeToString(salt)
                + "$" + b64.encodeToString(hash);
    }

    /** The password, or a refusal saying what a password needs; {@code where} names where it was given. */
    public static String requireStrong(String password, String where) {
        if (password == null || password.isEmpty()) throw new StoreException("no password: give one in " + where + " (at least " + MIN_LENGTH + " characters)");
        int n = password.codePointCount(0, password.length());
        if (n < MIN_LENGTH) throw new StoreException("the password in " + where + " has " + n + " characters; it needs at least " + MIN_LENGTH);
        if (n > MAX_LENGTH) throw new StoreException("the password in " + where + " has " + n + " characters; at most " + MAX_LENGTH);
        return password;
    }

    /** A random password for a user that lives only as long as this process (the demo's, the bench's). */
    public static String throwaway() {
        var bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A 32-byte key from the password (Argon2id with the same cost as the hashes), e.g. to seal a signing key. */
    static byte[] deriveKey(String password, byte[] salt) {
        return derive(password, salt, MEMORY_KIB, ITERATIONS, LANES);
    }

    public static boolean verify(String password, String phc) {
        try {
            return verifyWellFormed(password, phc);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static boolean verifyWellFormed(String password, String phc) {
        var parts = phc.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) return false;
        int m = 0, t = 0, p = 0;
        for (var kv : parts[3].split(",")) {
            int v = Integer.parseInt(kv.substring(2));
            switch (kv.charAt(0)) {
                case 'm' -> m = v;
                case 't' -> t = v;
                case 'p' -> p = v;
                default -> { return false; }
            }
        }
        var salt = Base64.getDecoder().decode(parts[4]);
        var expected = Base64.getDecoder().decode(parts[5]);
        return MessageDigest.isEqual(expected, derive(password, salt, m, t, p));
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int lanes) {
        var gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(lanes).build());
        var out = new byte[32];
        gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
