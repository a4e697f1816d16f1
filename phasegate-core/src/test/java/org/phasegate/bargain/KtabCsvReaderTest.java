package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class KtabCsvReaderTest {
    private static final String VALID = """
            Demo,"A demo, quoted",3,2,
            Actor,Description,Power,P1,S1,P2,S2,
            A, first,100,10,50,20,40,
            B,second, 50 ,90,30,80,30,
            C,,25,50,10,50,10,
            """;

    @Test
    void readsNamesNumbersAndDimensionTitles() throws Exception {
        Issue issue = KtabCsvReader.parse("demo.csv", VALID);

        assertThat(issue.name()).isEqualTo("Demo");
        assertThat(issue.description()).isEqualTo("A demo, quoted");
        assertThat(issue.dimensions()).containsExactly("P1", "P2");
        assertThat(issue.actors()).extracting(Actor::name).containsExactly("A", "B", "C");
        assertThat(issue.actors().get(0).description()).isEqualTo(" first");
        assertThat(issue.actors().get(1).capability()).isEqualTo(50.0);
        assertThat(issue.actors().get(1).position()).containsExactly(90.0, 80.0);
        assertThat(issue.parameters()).isEqualTo(ModelParameters.defaults());
    }

    @Test
    void trailingCommasMakeNoDifference() throws Exception {
        var ktab = KtabData.dir().resolve("inputs");
        Issue with = IssueFiles.read(ktab.resolve("dummyData_3Dim.csv"));
        Issue without = IssueFiles.read(ktab.resolve("dummyData_3Dim-no-final-comma.csv"));

        assertThat(without.actors()).isEqualTo(with.actors());
        assertThat(Files.readString(ktab.resolve("dummyData_3Dim.csv"))).isNotEqualTo(Files.readString(ktab.resolve("dummyData_3Dim-no-final-comma.csv")));
    }

    @Test
    void salienceOver100IsReportedWithItsLine() {
        String bad = VALID.replace("B,second, 50 ,90,30,80,30,", "B,second, 50 ,90,101,80,30,");

        assertThatThrownBy(() -> KtabCsvReader.parse("demo.csv", bad))
                .isInstanceOf(IssueParseException.class)
                .hasMessageStartingWith("demo.csv:4:18: salience of B on dimension 1 is 101");
    }

    @Test
    void saliencesAddingUpToMoreThan100AreRejected() {
        String bad = VALID.replace("A, first,100,10,50,20,40,", "A, first,100,10,60,20,41,");

        assertThatThrownBy(() -> KtabCsvReader.parse("demo.csv", bad))
                .hasMessageStartingWith("demo.csv:3:1: saliences of A add up to 101");
    }

    @Test
    void missingActorRowsNameTheLineWhereTheyShouldBe() {
        String bad = VALID.replace("3,2,", "4,2,");

        assertThatThrownBy(() -> KtabCsvReader.parse("demo.csv", bad))
                .hasMessageStartingWith("demo.csv:6:1: expected the row of actor 4 of 4");
    }

    @Test
    void aNonNumericCapabilityIsNamed() {
        String bad = VALID.replace("C,,25,", "C,,lots,");

        assertThatThrownBy(() -> KtabCsvReader.parse("demo.csv", bad))
                .hasMessageStartingWith("demo.csv:5:4: capability of C 'lots' is not a number");
    }

    @Test
    void tooFewActorsAreRejectedOnLineOne() {
        assertThatThrownBy(() -> KtabCsvReader.parse("demo.csv", VALID.replace("3,2,", "2,2,")))
                .hasMessageStartingWith("demo.csv:1:23: number of actors is 2; it must lie between 3 and 250");
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        byte[] bytes = "S,d,3,1\nA,D,P,Pos,Sal\nx\u00e9,,1,50,50\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var file = java.nio.file.Files.write(dir.resolve("latin.csv"), bytes);

        assertThatThrownBy(() -> IssueFiles.read(file))
                .hasMessage(file + ":3:2: not valid UTF-8 (byte 0xE9) (save the file as UTF-8)");
    }
}
