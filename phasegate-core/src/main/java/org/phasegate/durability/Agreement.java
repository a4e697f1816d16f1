package org.phasegate.durability;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One peace agreement of the UCDP Peace Agreement Dataset: when it was signed, whether and when it ended, when
 * observation stopped, and its provisions coded 0/1. {@code line} is where its row begins in the file.
 */
public record Agreement(String id, int line, LocalDate signed, Optional<LocalDate> ended, LocalDate censored,
                        Map<String, Integer> provisions) {

    public Agreement {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("an agreement needs an id");
        if (ended.isPresent() && ended.get().isBefore(signed)) {
            throw new IllegalArgumentException("agreement " + id + " ended " + ended.get() + ", before it was signed " + signed);
        }
        if (ended.isEmpty() && censored.isBefore(signed)) {
            throw new IllegalArgumentException("agreement " + id + " was observed until " + censored + ", before it was signed " + signed);
        }
        for (var e : provisions.entrySet()) {
            if (e.getValue() != 0 && e.getValue() != 1) {
                throw new IllegalArgumentException("provision " + e.getKey() + " of agreement " + id + " is " + e.getValue() + ", not 0 or 1");
            }
        }
        provisions = Map.copyOf(new TreeMap<>(provisions));
    }

    /** Survival time in days: to the end if it ended, else to the end of observation (right-censored). */
    public long days() {
        return ChronoUnit.DAYS.between(signed, ended.orElse(censored));
    }

    public boolean event() {
        return ended.isPresent();
    }

    public int provision(String code) {
        Integer v = provisions.get(code);
        if (v == null) throw new IllegalArgumentException("agreement " + id + " has no provision '" + code + "'");
        return v;
    }
}
