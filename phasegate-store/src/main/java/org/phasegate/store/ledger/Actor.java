package org.phasegate.store.ledger;

import org.phasegate.evidence.Role;
import org.phasegate.store.crypto.Ed25519;

/** A user acting on the store, holding their unlocked signing key. */
public record Actor(String name, Role role, String org, Ed25519.Signer signer) {
}
