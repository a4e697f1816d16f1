package org.phasegate.store.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/** Ed25519 through Bouncy Castle's lightweight API (about 20x the JDK's own provider here). */
public final class Ed25519 {
    private Ed25519() {
    }

    /** A signing key pair; the private key is 32 bytes, the public key 32 bytes. */
    public record KeyPair(byte[] privateKey, byte[] publicKey) {
        public static KeyPair generate(SecureRandom random) {
            var priv = new Ed25519PrivateKeyParameters(random);
            return new KeyPair(priv.getEncoded(), priv.generatePublicKey().getEncoded());
        }

        public static KeyPair of(byte[] privateKey) {
            var priv = new Ed25519PrivateKeyParameters(privateKey, 0);
            return new KeyPair(privateKey, priv.generatePublicKey().getEncoded());
        }
    }

    /** Signs messages with one private key; thread-safe. */
    public static final class Signer {
        private final Ed25519PrivateKeyParameters key;

        public Signer(byte[] privateKey) {
            key = new Ed25519PrivateKeyParameters(privateKey, 0);
            key.generatePublicKey();   // cached by the key; later calls only read it
        }

        public byte[] sign(byte[] message) {
            var signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
            key.sign(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
            return signature;
        }
    }

    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return verify(new Ed25519PublicKeyParameters(publicKey, 0), message, signature);
    }

    public static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) return false;
        // what Ed25519Signer does, without its per-call buffer; the key's point is decoded once, in its constructor
        return key.verify(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }
}
