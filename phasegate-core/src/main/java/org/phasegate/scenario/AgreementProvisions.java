package org.phasegate.scenario;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.durability.Provisions;
import org.phasegate.problem.Position;

/**
 * What the agreement provides for, in the 0/1 coding of the UCDP Peace Agreement Dataset (see
 * {@link Provisions#CODES}), each with its source: the forecast evaluates the fitted durability model here.
 */
public record AgreementProvisions(List<Provision> provisions, Position at) {

    /** One code: 1 if the agreement provides for it, 0 if not; where the scenario says so and why. */
    public record Provision(String code, int value, Citation source, String note, Position at) {
        public Provision {
            Provisions.meaning(code);   // unknown codes are rejected
            if (value != 0 && value != 1) throw new IllegalArgumentException("provision " + code + " is " + value + ", not 0 or 1");
            note = note == null ? "" : note;
        }
    }

    public AgreementProvisions {
        provisions = List.copyOf(provisions);
        var seen = new HashSet<String>();
        for (Provision p : provisions) {
            if (!seen.add(p.code())) throw new IllegalArgumentException("provision " + p.code() + " is declared twice");
        }
    }

    /** code → 0/1, in the order declared. */
    public Map<String, Integer> codes() {
        var m = new LinkedHashMap<String, Integer>();
        provisions.forEach(p -> m.put(p.code(), p.value()));
        return m;
    }

    public Optional<Provision> find(String code) {
        return provisions.stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
