package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
                .hasMessageMatching(".*smpExample.orig.xml:\\d+: <dCoord> is empty \\(position of Alice, dimension 1\\).*");
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
                .hasMessageMatching("x.xml:\\d+: VotingRule 'Proportional' is not recognised; use one of Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp");
    }

    @Test
    void malformedXmlGivesALine() {
        assertThatThrownBy(() -> KtabXmlReader.parse("x.xml", "<Scenario>\n<name>a</nam>\n</Scenario>"))
                .isInstanceOf(IssueParseException.class)
                .hasMessageStartingWith("x.xml:2:10: malformed XML");
    }
}
