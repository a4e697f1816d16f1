package org.phasegate.store.registry;

import com.fasterxml.jackson.databind.JsonNode;

/** One registry fact in ledger order: enrol (with link tags), handin, payment or status, for one pseudonym. */
public record RegistryEvent(long seq, String participant, String event, JsonNode detail) {
}
