package org.phasegate.store.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds duplicate claimants across identities and records: one person enrolled under two identity documents (they
 * share a link tag, e.g. a biometric or phone, kept only as an HMAC), one weapon (serial tag) handed in twice, one
 * tranche paid twice, and payments without any weapon handed in. A pure function of the registry's events.
 */
public final class DoubleDipping {
    private DoubleDipping() {
    }

    public static List<Finding> find(List<RegistryEvent> events) {
        var out = new ArrayList<Finding>();
        out.addAll(shared(events, "enrol", "links", "same-person",
                "one person enrolled under several identity documents (shared link tag)"));
        out.addAll(shared(events, "handin", "serials", "same-weapon", "one weapon handed in more than once (same serial)"));
        out.addAll(tranches(events));
        out.addAll(unbacked(events));
        return out;
    }

    private static List<Finding> shared(List<RegistryEvent> events, String event, String field, String kind, String what) {
        Map<String, List<RegistryEvent>> byTag = new LinkedHashMap<>();
        for (var e : events) {
            if (!e.event().equals(event)) continue;
            for (var tag : e.detail().path(field)) byTag.computeIfAbsent(tag.asText(), t -> new ArrayList<>()).add(e);
        }
        var out = new ArrayList<Finding>();
        byTag.forEach((tag, hits) -> {
            if (hits.size() > 1) {
                var who = new LinkedHashSet<String>();
                hits.forEach(h -> who.add(h.participant()));
                out.add(new Finding(kind, what + ": " + String.join(", ", who), List.copyOf(who),
                        hits.stream().map(RegistryEvent::seq).toList()));
            }
        });
        return out;
    }

    private static List<Finding> tranches(List<RegistryEvent> events) {
        Map<String, List<RegistryEvent>> paid = new LinkedHashMap<>();
        for (var e : events) {
            if (e.event().equals("payment")) paid.computeIfAbsent(e.participant() + "#" + e.detail().path("tranche").asInt(), k -> new ArrayList<>()).add(e);
        }
        var out = new ArrayList<Finding>();
        paid.forEach((key, hits) -> {
            if (hits.size() > 1) {
                var p = hits.get(0).participant();
                out.add(new Finding("same-tranche", "tranche " + hits.get(0).detail().path("tranche").asInt() + " paid "
                        + hits.size() + " times to " + p, List.of(p), hits.stream().map(RegistryEvent::seq).toList()));
            }
        });
        return out;
    }

    private static List<Finding> unbacked(List<RegistryEvent> events) {
        var handedIn = new LinkedHashSet<String>();
        var out = new ArrayList<Finding>();
        for (var e : events) {
            if (e.event().equals("handin")) handedIn.add(e.participant());
            if (e.event().equals("payment") && !handedIn.contains(e.participant())) {
                out.add(new Finding("unbacked-payment", "payment to " + e.participant() + " before any weapon was handed in",
                        List.of(e.participant()), List.of(e.seq())));
            }
        }
        return out;
    }
}
