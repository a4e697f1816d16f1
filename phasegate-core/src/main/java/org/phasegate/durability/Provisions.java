package org.phasegate.durability;

import java.util.List;

/**
 * The 0/1 provision codes of the UCDP Peace Agreement Dataset (codebook v22.1) that the durability model may use
 * as covariates, and that a scenario may declare. Column names as in the file, trailing spaces removed.
 */
public final class Provisions {
    /** Military, political, territorial, justice and implementation provisions, in the file's column order. */
    public static final List<String> CODES = List.of("cease", "intarmy", "ddr", "withd", "mil_prov", "pp", "intgov",
            "intciv", "elections", "interim", "natalks", "shagov", "pol_prov", "aut", "fed", "ind", "ref", "shaloc",
            "regdev", "cul", "demarcation", "locgov", "terr_prov", "amn", "pris", "recon", "return", "justice_prov",
            "reaffirm", "outlin", "pko", "gender", "co_impl");

    /** What each code means (UCDP PAD codebook), for messages and docs. */
    public static String meaning(String code) {
        return switch (code) {
            case "cease" -> "ceasefire";
            case "intarmy" -> "integration into the army";
            case "ddr" -> "disarmament, demobilisation, reintegration";
            case "withd" -> "withdrawal of foreign forces";
            case "mil_prov" -> "any military provision";
            case "pp" -> "power sharing in government";
            case "intgov" -> "integration into government";
            case "intciv" -> "integration into the civil service";
            case "elections" -> "elections";
            case "interim" -> "interim government";
            case "natalks" -> "national talks";
            case "shagov" -> "shared government";
            case "pol_prov" -> "any political provision";
            case "aut" -> "autonomy";
            case "fed" -> "federalism";
            case "ind" -> "independence";
            case "ref" -> "referendum";
            case "shaloc" -> "local power sharing";
            case "regdev" -> "regional development";
            case "cul" -> "cultural freedoms";
            case "demarcation" -> "border demarcation";
            case "locgov" -> "local government";
            case "terr_prov" -> "any territorial provision";
            case "amn" -> "amnesty";
            case "pris" -> "prisoner release";
            case "recon" -> "reconciliation";
            case "return" -> "return of refugees";
            case "justice_prov" -> "any justice provision";
            case "reaffirm" -> "reaffirms an earlier agreement";
            case "outlin" -> "outlines a later agreement";
            case "pko" -> "peacekeeping operation";
            case "gender" -> "gender provisions";
            case "co_impl" -> "third-party implementation";
            default -> throw new IllegalArgumentException("unknown provision code '" + code + "'");
        };
    }

    private Provisions() {
    }
}
