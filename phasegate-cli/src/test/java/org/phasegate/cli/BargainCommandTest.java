package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BargainCommandTest {
    private static final Path KTAB = Path.of(System.getProperty("phasegate.root", "..")).resolve("../shared/data/ktab").normalize();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesPositionsInTheReferenceLayoutAndCharts(@TempDir Path dir) throws Exception {
        int code = run("bargain", KTAB.resolve("inputs/SOE-Pol-Comp.csv").toString(), "--out", dir.toString());

        assertThat(code).isZero();
        assertThat(Files.readString(dir.resolve("positions.csv")))
                .isEqualTo(Files.readString(KTAB.resolve("expected/SOE-Pol-Comp.positions.csv")));
        assertThat(Files.readString(dir.resolve("positions.svg"))).contains("<svg", "Policy Position", "Competitive Position");
        assertThat(Files.size(dir.resolve("positions.png"))).isPositive();
        assertThat(Files.readString(dir.resolve("result.json"))).contains("\"turns\" : 27");
        assertThat(out.toString()).contains("turns: 27 (converged", "Policy Position  (o = turn 0, # = turn 27)");
    }

    @Test
    void badInputGivesFileLineMessageAndExitCode2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "S,d,3,1\nA,D,P,Pos,Sal\nx,,1,50,50\ny,,1,150,50\nz,,1,10,10\n");

        int code = run("bargain", bad.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith(bad + ":4:6: position of y on dimension 1 is 150; it must lie between 0 and 100");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aParameterOverrideChangesTheRun() throws Exception {
        String file = KTAB.resolve("inputs/dummyData_3Dim.csv").toString();
        run("bargain", file, "--json");
        String dflt = out.toString();
        out.getBuffer().setLength(0);

        run("bargain", file, "--json", "-P", "VotingRule=PropCbc");

        assertThat(out.toString()).contains("VotingRule: PropCbc").isNotEqualTo(dflt);
    }

    @Test
    void anUnknownParameterValueIsRejectedWithTheChoices() {
        int code = run("bargain", KTAB.resolve("inputs/dummyData_3Dim.csv").toString(), "-P", "VotingRule=Proportional");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("VotingRule 'Proportional' is not recognised; use one of Binary, PropBin, Prop");
    }
}
