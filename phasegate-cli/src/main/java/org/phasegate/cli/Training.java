package org.phasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's training run for the JDK's ahead-of-time cache: the everyday commands on small inputs, so the
 * classes they load (picocli, SnakeYAML, StAX, Jackson, the core) start from the cache. One cache per family of
 * commands ({@code scenario}, {@code bargain} printing its summary, {@code bargain-files} with {@code --json} or
 * {@code --out}, {@code status} with {@code replay}, {@code forecast}, and {@code all} for the rest), because a cache
 * loads every class it holds at start-up: a small command starts faster from a cache of its own. Output is
 * discarded; the cache is only faster, never different, so a failed command here costs speed, not correctness.
 */
public final class Training {
    /** A KTAB XML input of three actors, with model parameters and ideal adjustments (the bundled issue file is YAML). */
    private static final String KTAB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Scenario>
              <name>Training</name><desc>three actors, one dimension</desc><prngSeed>1</prngSeed>
              <ModelParameters>
                <VictoryProbModel>Linear</VictoryProbModel><PCEModel>MarkovIncentive</PCEModel>
                <StateTransitions>Deterministic</StateTransitions><VotingRule>PropCbc</VotingRule>
                <BigRAdjust>OneThird</BigRAdjust><BigRRange>Mid</BigRRange><ThirdPartyCommit>SemiCommit</ThirdPartyCommit>
                <InterVecBrgn>S2P2</InterVecBrgn><BargnModel>InitOnlyInterp</BargnModel>
              </ModelParameters>
              <Dimensions><dName>d</dName></Dimensions>
              <Actors>
                <Actor><name>A</name><description>a</description><capability>10</capability>
                  <Position><dCoord>10</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>
                <Actor><name>B</name><description>b</description><capability>20</capability>
                  <Position><dCoord>60</dCoord></Position><Salience><dSal>70</dSal></Salience></Actor>
                <Actor><name>C</name><description>c</description><capability>30</capability>
                  <Position><dCoord>90</dCoord></Position><Salience><dSal>40</dSal></Salience></Actor>
              </Actors>
              <IdealAdjustment>
                <iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>A</referencePos><adjust>0.6</adjust></iaPair>
                <iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>B</referencePos><adjust>0.4</adjust></iaPair>
              </IdealAdjustment>
            </Scenario>
            """;

    /** The same three actors as a KTAB CSV input. */
    private static final String KTAB_CSV = """
            Training,three actors one dimension,3,1
            Actor,Description,Influence,d Position,d Salience
            A,a,10,10,50
            B,b,20,60,70
            C,c,30,90,40
            """;

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        String family = args.length > 0 ? args[0] : "all";
        var sink = new PrintWriter(Writer.nullWriter());
        Path tmp = Files.createTempDirectory("phasegate-training");
        try {
            for (String[] run : runs(family, Home.dir().resolve("scenarios"), tmp)) Main.run(run, sink, sink);
        } finally {
            try (var files = Files.walk(tmp)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
            }
        }
    }

    private static List<String[]> runs(String family, Path scenarios, Path tmp) {
        String gaza = scenarios.resolve("gaza-2025.yaml").toString();
        var runs = new ArrayList<String[]>();
        boolean all = family.equals("all");
        if (all) runs.add(new String[] {"--help"});
        if (all || family.equals("scenario")) {
            // every bundled scenario, so the cache holds the lambdas of every kind of condition and measure they use
            runs.add(new String[] {"scenario", "check", gaza, scenarios.resolve("gaza-ceasefire-2025-01.yaml").toString(),
                scenarios.resolve("ni-decommissioning-1998.yaml").toString()});
            runs.add(new String[] {"scenario", "show", gaza});
            runs.add(new String[] {"scenario", "check", scenarios.resolve("gaza-ceasefire-2025-01.yaml") + ".missing"});
        }
        if (all || family.equals("status")) {
            runs.add(new String[] {"status", "--scenario", gaza, "--events", scenarios.resolve("gaza-2025.events.jsonl").toString(), "--as-of", "2026-12-01"});
            runs.add(new String[] {"replay", "--scenario", scenarios.resolve("gaza-ceasefire-2025-01.yaml").toString(),
                "--events", scenarios.resolve("gaza-ceasefire-2025-01.events.jsonl").toString()});
        }
        if (all || family.equals("bargain")) {   // the summary and text chart: no JSON, no files
            runs.add(new String[] {"bargain", scenarios.resolve("gaza-2025-issues.yaml").toString()});
            runs.add(new String[] {"bargain", write(tmp.resolve("training.xml"), KTAB_XML)});
            runs.add(new String[] {"bargain", write(tmp.resolve("training.csv"), KTAB_CSV)});
        }
        if (all || family.equals("bargain-files")) {   // --json and --out: Jackson, the SVG and the PNG
            runs.add(new String[] {"bargain", scenarios.resolve("gaza-2025-issues.yaml").toString(), "--json"});
            runs.add(new String[] {"bargain", write(tmp.resolve("training.xml"), KTAB_XML), "--out", tmp.resolve("out").toString()});
        }
        if (all || family.equals("forecast")) {
            runs.add(new String[] {"forecast", "--scenario", gaza, "--assumptions", "sceptic", "--runs", "50", "--sensitivity-runs", "0", "--as-of", "2026-12-01"});
        }
        return runs;
    }

    private static String write(Path file, String text) {
        try {
            return Files.writeString(file, text).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
