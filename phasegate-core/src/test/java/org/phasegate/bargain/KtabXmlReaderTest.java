package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.phasegate.problem.Problem;

class KtabXmlReaderTest {

    @Test
    void readsParametersSeedAndIdealAdjustments() throws Exception {
        Issue issue = IssueFiles.read(KtabData.dir().resolve("inputs/smpExample.fixed-det.xml"));

        assertThat(issue.parameters().pceModel()).isEqualTo(ModelParameters.PceModel.MARKOV_INCENTIVE);
        assertThat(issue.parameters().votingRule()).isEqualTo(VotingRule.PROP_CBC);
        assertThat(issue.seed()).isEqualTo(3507583219545544127L);
        assertThat(issue.dimensions()).containsExactly("FirstDim", "SecondDim", "YADN");
        assertThat(issue.idealAdjustments()).contains(new IdealAdjustment(1, 0, 0.07));
    }

    @Test
    void theShippedExampleWithAnEmptyCoordinateIsRejectedAtThatLine() {
        assertThatThrownBy(() -> IssueFiles.read(KtabData.dir().resolve("inputs/smpExample.orig.xml")))
                .isInstanceOf(IssueParseException.class)
                .hasMessageMatching(".*smpExample.orig.xml:\\d+:\\d+: <dCoord> is empty \\(position of Alice, dimension 1\\).*");
    }

    @Test
    void aMissingIdealAdjustmentMeansNone() throws Exception {
        Issue orig = IssueFiles.read(KtabData.dir().resolve("inputs/dummyData_3Dim.orig.xml"));
        Issue csv = IssueFiles.read(KtabData.dir().resolve("inputs/dummyData_3Dim.csv"));

        assertThat(orig.idealAdjustments()).isEmpty();
        assertThat(orig.actors()).extracting(Actor::position).isEqualTo(csv.actors().stream().map(Actor::position).toList());
    }

    @Test
    void theSchemasEnumNamesThatKtabsReaderRejectsAreRejectedWithTheAcceptedNames() throws Exception {
        String xml = java.nio.file.Files.readString(KtabData.dir().resolve("inputs/smpExample.fixed-defaults.xml"))
                .replace("<VotingRule>Prop</VotingRule>", "<VotingRule>Proportional</VotingRule>");

        assertThatThrownBy(() -> KtabXmlReader.parse("x.xml", xml))
                .hasMessageMatching("x.xml:\\d+:\\d+: VotingRule 'Proportional' is not recognised; use one of Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp");
    }

    @Test
    void malformedXmlGivesALine() {
        assertThatThrownBy(() -> KtabXmlReader.parse("x.xml", "<Scenario>\n<name>a</nam>\n</Scenario>"))
                .isInstanceOf(IssueParseException.class)
                .hasMessageStartingWith("x.xml:2:10: malformed XML");
    }

    @Test
    void everyProblemIsReportedAtItsElementsLineAndColumn() throws Exception {
        String xml = fixedDet().replace("<VotingRule>PropCbc</VotingRule>", "<VotingRule>Sometimes</VotingRule>")
                .replace("<capability>117.7</capability>", "<capability>lots</capability>")
                .replace("<dSal>34.5</dSal>", "<dSal></dSal>")
                .replace("<adjust>0.65</adjust>", "<adjust>2</adjust>");

        var e = catchThrowableOfType(IssueParseException.class, () -> KtabXmlReader.parse("x.xml", xml));

        assertThat(e.problems()).extracting(Problem::render).containsExactly(
                "x.xml:" + at(xml, "<VotingRule>") + ": VotingRule 'Sometimes' is not recognised; use one of Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp",
                "x.xml:" + at(xml, "<capability>lots") + ": capability of Alice 'lots' is not a number",
                "x.xml:" + at(xml, "<dSal></dSal>") + ": <dSal> is empty (salience of Bob, dimension 2); give a number from 0 to 100",
                "x.xml:" + at(xml, "<adjust>2") + ": adjust is 2; it must lie between 0 and 1");
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void eachOfSeveralBadNumbersIsReportedAtItsOwnElement(long seed) throws Exception {
        var random = new SplittableRandom(seed);
        String xml = fixedDet();
        var numbers = Pattern.compile("<(capability|dCoord|dSal)>([^<]*)<").matcher(xml).results().toList();
        var chosen = random.ints(0, numbers.size()).distinct().limit(random.nextInt(1, 6)).sorted().boxed().toList();
        var bad = new StringBuilder(xml);
        for (int i = chosen.size() - 1; i >= 0; i--) {   // from the end, so the earlier offsets still hold
            var m = numbers.get(chosen.get(i));
            bad.replace(m.start(2), m.end(2), "n" + seed);
        }

        var e = catchThrowableOfType(IssueParseException.class, () -> KtabXmlReader.parse("x.xml", bad.toString()));

        assertThat(e).as("seed %d", seed).isNotNull();
        assertThat(e.problems()).as("seed %d", seed).extracting(p -> p.line() + ":" + p.column())
                .containsExactlyElementsOf(chosen.stream().map(i -> lineColumn(xml, numbers.get(i).start())).toList());
        assertThat(e.problems()).as("seed %d", seed).allSatisfy(p -> assertThat(p.message()).endsWith("'n" + seed + "' is not a number"));
    }

    private static String fixedDet() throws Exception {
        return Files.readString(KtabData.dir().resolve("inputs/smpExample.fixed-det.xml"));
    }

    /** Where {@code fragment} first starts, as line:column counted by this test (the file has \n endings). */
    private static String at(String text, String fragment) {
        int i = text.indexOf(fragment);
        assertThat(i).as(fragment).isNotNegative();
        return lineColumn(text, i);
    }

    private static String lineColumn(String text, int offset) {
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        return line + ":" + (offset - text.lastIndexOf('\n', offset - 1));
    }
}
