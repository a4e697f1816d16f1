package org.phasegate.store.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id password hashes in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash). */
public final class Passwords {
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int LANES = 1;

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
