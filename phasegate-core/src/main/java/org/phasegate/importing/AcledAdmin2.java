package org.phasegate.importing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ACLED's governorate names for Palestine joined to OCHA admin2 p-codes. ACLED spells some differently from OCHA
 * ("Gaza City" for OCHA's Gaza, "Khan Yunis" for Khan Younis, "Al Quds" for Jerusalem); the table lists each pair
 * once, as the HDX monthly files pair them (admin2 with admin2_pcode) and as OCHA's admin2 file of 2023-10-19 names
 * them ({@code GazaDataTest} checks both against the files). A name that is not here is a rejected row, never a guess.
 */
public final class AcledAdmin2 {
    /** One governorate: ACLED's admin1 and admin2 names, OCHA's p-code and name. */
    public record Entry(String acledAdmin1, String acledAdmin2, String pcode, String ochaName) {
    }

    public static final List<Entry> TABLE = List.of(
            new Entry("West Bank", "Jenin", "PS0101", "Jenin"),
            new Entry("West Bank", "Tubas", "PS0105", "Tubas"),
            new Entry("West Bank", "Tulkarm", "PS0110", "Tulkarm"),
            new Entry("West Bank", "Nablus", "PS0115", "Nablus"),
            new Entry("West Bank", "Qalqilya", "PS0120", "Qalqilya"),
            new Entry("West Bank", "Salfit", "PS0125", "Salfit"),
            new Entry("West Bank", "Ramallah and Al Bireh", "PS0130", "Ramallah"),
            new Entry("West Bank", "Jericho", "PS0135", "Jericho"),
            new Entry("West Bank", "Al Quds", "PS0140", "Jerusalem"),
            new Entry("West Bank", "Bethlehem", "PS0145", "Bethlehem"),
            new Entry("West Bank", "Hebron", "PS0150", "Hebron"),
            new Entry("Gaza Strip", "North Gaza", "PS0255", "North Gaza"),
            new Entry("Gaza Strip", "Gaza City", "PS0260", "Gaza"),
            new Entry("Gaza Strip", "Deir El Balah", "PS0265", "Deir Al-Balah"),
            new Entry("Gaza Strip", "Khan Yunis", "PS0270", "Khan Younis"),
            new Entry("Gaza Strip", "Rafah", "PS0275", "Rafah"));

    private static final Map<String, Entry> BY_NAME = TABLE.stream().collect(Collectors.toUnmodifiableMap(
            e -> key(e.acledAdmin1(), e.acledAdmin2()), Function.identity()));
    private static final Map<String, Entry> BY_PCODE = TABLE.stream().collect(Collectors.toUnmodifiableMap(Entry::pcode, Function.identity()));

    private AcledAdmin2() {
    }

    /** The governorate ACLED names exactly so (surrounding spaces aside), if the table has it. */
    public static Optional<Entry> byName(String admin1, String admin2) {
        if (admin1 == null || admin2 == null) return Optional.empty();
        var a1 = admin1.strip();
        var a2 = admin2.strip();
        for (var e : TABLE) if (e.acledAdmin2().equals(a2) && e.acledAdmin1().equals(a1)) return Optional.of(e);
        return Optional.empty();
    }

    /** The governorate whose names differ from these in case only: for a rejection's hint, never for a join. */
    static Optional<Entry> byNameIgnoringCase(String admin1, String admin2) {
        return Optional.ofNullable(BY_NAME.get(key(admin1, admin2)));
    }

    public static Optional<Entry> byPcode(String pcode) {
        return Optional.ofNullable(BY_PCODE.get(pcode));
    }

    /** OCHA's p-code for Palestine, one of its two admin1 areas, or a governorate of the table. */
    public static boolean isOchaPcode(String pcode) {
        return pcode.equals("PS") || pcode.equals("PS01") || pcode.equals("PS02") || BY_PCODE.containsKey(pcode);
    }

    /** The admin1 p-code of an admin2 one (PS0260 -> PS02). */
    public static String admin1Pcode(String pcode) {
        return pcode.substring(0, 4);
    }

    private static String key(String admin1, String admin2) {
        return (admin1 == null ? "" : admin1.strip().toLowerCase(Locale.ROOT)) + "|" + (admin2 == null ? "" : admin2.strip().toLowerCase(Locale.ROOT));
    }
}
