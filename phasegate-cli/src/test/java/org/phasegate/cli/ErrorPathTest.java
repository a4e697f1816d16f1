package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, findings 4 and 10: one error path for every command, with the right exit code and the right thing blamed. */
class ErrorPathTest {
    static final Path GAZA_ISSUES = CliTest.REPO.resolve("scenarios/gaza-2025-issues.yaml");

    @Test
    void aMultiFileCheckReportsEveryFileEvenAfterADuplicateMeasureId(@TempDir Path dir) throws Exception {
        var mini = Files.readString(CliTest.MINI);
        var first = mini.indexOf("  - id: ", mini.indexOf("\nmeasures:"));
        var end = mini.indexOf("\n  - id: ", first + 1);
        var dup = Files.writeString(dir.resolve("dup.yaml"), mini.substring(0, end) + "\n" + mini.substring(first, end) + mini.substring(end));
        var header = Files.writeString(dir.resolve("header.yaml"), mini.substring(0, mini.indexOf("\nverification:") + 1));
        var r = CliTest.run("scenario", "check", dup.toString(), header.toString(), CliTest.MINI.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(dup + ":").contains("duplicate id").contains(header + ":").contains("the scenario has no parties")
                .doesNotContain("Exception", "please report");
        assertThat(r.out()).contains(CliTest.MINI + ": ok");
    }

    @Test
    void bargainReportsEveryProblemWithLineAndColumn(@TempDir Path dir) throws Exception {
        var yaml = Files.readString(GAZA_ISSUES).replaceFirst("disarmament: \\{value: 100,", "disarmament: {value: 101,")
                .replaceFirst("      capability:", "      capabilty:");
        var file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        var r = CliTest.run("bargain", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith(file + ":")).toList()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(l -> assertThat(l).matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: .*"));
        assertThat(r.err()).contains("problems found.").doesNotContain("Exception");
    }

    @Test
    void bargainOfAKtabXmlFileReportsEveryProblemWithLineAndColumn(@TempDir Path dir) throws Exception {
        var xml = Files.readString(MutatedInputsCliTest.KTAB_XML).replace("<capability>117.7</capability>", "<capability>-1</capability>")
                .replace("<dCoord>72.0</dCoord>", "<dCoord>x</dCoord>");
        var file = Files.writeString(dir.resolve("bad.xml"), xml);
        var r = CliTest.run("bargain", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith(file + ":")).toList()).hasSize(2)
                .allSatisfy(l -> assertThat(l).matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: .*"));
        assertThat(r.err()).contains("capability of Alice is -1; it must lie between 0 and 100000000", "position of Bob on dimension 3 'x' is not a number", "2 problems found.");
    }

    @Test
    void bargainBlamesOutWhenThatIsWhatCannotBeWritten(@TempDir Path dir) throws Exception {
        var blocker = Files.writeString(dir.resolve("a-file"), "x");
        var r = CliTest.run("bargain", GAZA_ISSUES.toString(), "--out", blocker.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("phasegate: cannot write --out " + blocker.resolve("out") + ":")
                .doesNotContain(GAZA_ISSUES.toString(), "please report");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsNotBadInput(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data.key"), java.util.Base64.getEncoder().encodeToString(new byte[32]));
        var r = CliTest.run("record", "list", "--db", "jdbc:postgresql://127.0.0.1:1/none", "--key-file", dir.resolve("data.key").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("phasegate: ").doesNotContain("please report", "\tat ");
    }
}
