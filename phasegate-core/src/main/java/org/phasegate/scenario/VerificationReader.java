package org.phasegate.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.evidence.RecordType;
import org.phasegate.evidence.VerificationRule;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the scenario's {@code verification:} section: attestation counts, designated verifiers and what they certify. */
final class VerificationReader {
    private final Problems problems;
    private final Map<String, Position> verifierAt = new LinkedHashMap<>();

    VerificationReader(Problems problems) {
        this.problems = problems;
    }

    Verification read(Node n) {
        var v = YamlMap.of(n, "verification", Set.of("default-attestations", "per-type", "verifiers", "designated"), problems);
        int k = v.whole("default-attestations", 0, Verification.MAX_ATTESTATIONS).orElse(1);
        var perType = new HashMap<String, Integer>();
        v.node("per-type").ifPresent(p -> {
            var types = YamlMap.of(p, "verification.per-type", Set.copyOf(RecordType.wireNames()), problems);
            for (String t : RecordType.wireNames()) types.whole(t, 0, Verification.MAX_ATTESTATIONS).ifPresent(x -> perType.put(t, x));
        });
        var verifiers = new LinkedHashMap<String, VerificationRule.Body>();
        for (Node b : v.list("verifiers")) verifier(b).ifPresent(body -> {
            if (verifiers.putIfAbsent(body.id(), body) != null) {
                problems.add(YamlMap.positionOf(b), "verifier '" + body.id() + "' is declared twice", "declare each verifier once");
            }
        });
        var designated = new ArrayList<Designation>();
        for (Node d : v.list("designated")) designation(d).ifPresent(designated::add);
        designated.removeIf(d -> !verifiers.containsKey(d.verifiedBy()));   // declared but invalid: already reported
        return new Verification(k, perType, verifiers, designated);
    }

    /** {@code {party, members, decides-by, chair}}: a designated verifier and how it decides. */
    private Optional<VerificationRule.Body> verifier(Node n) {
        var m = YamlMap.of(n, "verifier", Set.of("party", "members", "decides-by", "chair"), problems);
        String party = m.requiredText("party");
        if (!party.isEmpty()) verifierAt.putIfAbsent(party, m.at());
        List<String> members = m.texts("members");
        if (members.isEmpty()) {
            problems.add(m.at(), "verifier '" + party + "' lists no members",
                    "members: the organisation names its attestations carry (org) or its monitors' names (by)");
            return Optional.empty();
        }
        String rule = m.text("decides-by").orElse("unanimity");
        var decision = Arrays.stream(VerificationRule.Decision.values()).filter(x -> x.yamlName().equals(rule)).findFirst();
        if (decision.isEmpty()) {
            problems.add(m.at("decides-by"), "verifier '" + party + "' decides by unknown rule '" + rule + "'",
                    Hints.didYouMean(rule, Arrays.stream(VerificationRule.Decision.values()).map(VerificationRule.Decision::yamlName).toList()));
            return Optional.empty();
        }
        var chair = m.text("chair");
        if (decision.get() == VerificationRule.Decision.CHAIR && (chair.isEmpty() || !members.contains(chair.get()))) {
            problems.add(m.has("chair") ? m.at("chair") : m.at(), "verifier '" + party + "' decides by its chair, but "
                    + chair.map(c -> "'" + c + "' is not one of its members").orElse("names no chair"), "chair: one of " + members);
            return Optional.empty();
        }
        if (party.isEmpty()) return Optional.empty();
        return Optional.of(new VerificationRule.Body(party, members, decision.get(), chair));
    }

    /** {@code {record, where, verified-by}}: the records a verifier certifies. */
    private Optional<Designation> designation(Node n) {
        var m = YamlMap.of(n, "designated", Set.of("record", "where", "verified-by"), problems);
        String type = m.requiredText("record");
        String by = m.requiredText("verified-by");
        if (!type.isEmpty() && RecordType.fromWire(type).isEmpty()) {
            problems.add(m.at("record"), "designated verification names unknown record type '" + type + "'",
                    Hints.didYouMean(type, RecordType.wireNames()));
            return Optional.empty();
        }
        if (!by.isEmpty() && !verifierAt.containsKey(by)) {
            problems.add(m.at("verified-by"), "designated verification refers to unknown verifier '" + by + "'",
                    verifierAt.isEmpty() ? "declare it under verification.verifiers" : Hints.didYouMean(by, verifierAt.keySet()));
            return Optional.empty();
        }
        var where = new HashMap<String, List<String>>();
        m.node("where").ifPresent(w -> {
            var wm = YamlMap.of(w, "designated.where", new ScenarioLoader.AnyKey(), problems);
            wm.keys().forEach(key -> where.put(key, wm.texts(key)));
        });
        if (type.isEmpty() || by.isEmpty()) return Optional.empty();
        return Optional.of(new Designation(type, where, by, m.at()));
    }

    /** Each verifier must be a party of the scenario: the body is one of the agreement's actors. */
    void checkParties(Scenario s) {
        verifierAt.forEach((id, at) -> {
            if (s.party(id).isEmpty()) {
                problems.add(at, "verifier '" + id + "' is not a party of the scenario",
                        Hints.didYouMean(id, s.parties().stream().map(Party::id).toList()) + "; declare the body under parties");
            }
        });
    }
}
