package org.phasegate.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

class AgreementReaderTest {
    private static final String SHA = "0".repeat(64);
    private static final String HEAD = "paid,pa_date,ended,duration,c_duration,cease,ref ,pko,censor_point\n";

    @Test
    void readsTheRealFileWithItsQuirks() {
        var data = Ucdp.read();
        assertThat(data.rows()).isEqualTo(227);
        assertThat(data.events()).isEqualTo(87);
        assertThat(data.sha256()).hasSize(64);
        var lusaka = data.agreements().stream().filter(a -> a.id().equals("1004")).findFirst().orElseThrow();
        assertThat(lusaka.signed()).isEqualTo(LocalDate.of(1999, 8, 31));
        assertThat(lusaka.days()).isEqualTo(1);
        assertThat(lusaka.provision("ref")).isZero();   // the header is "ref " in the file
        assertThat(lusaka.provision("return")).isZero();   // "return " in the file
        assertThat(lusaka.provision("pris")).isEqualTo(1);
    }

    @Test
    void quotedLineBreaksKeepLineNumbersAndEndedMayBeEmptyOrDecimal() {
        var text = HEAD + "1,2000-01-01,1.0,2000-02-01,\"ended,\nsoon \"\"after\"\"\",1,0,1,2021-12-31\n"
                + "2,2000-01-01,,,x,0,1,0,2021-12-31\n3,2000-01-01,0.0,,x,0,0,0,2021-12-31\n";
        var data = new AgreementReader().parse("t.csv", text, SHA);
        assertThat(data.agreements()).extracting(Agreement::line).containsExactly(2, 4, 5);
        assertThat(data.agreements()).extracting(Agreement::event).containsExactly(true, false, false);
        assertThat(data.agreements().get(0).days()).isEqualTo(31);
    }

    @Test
    void everyBadValueIsReportedWithItsLineAndColumn() {
        var text = HEAD + "1,2000-13-01,1.0,2000-02-01,x,1,0,1,2021-12-31\n"
                + "2,2000-01-01,yes,,x,0,1,0,2021-12-31\n"
                + "3,2000-01-01,1,,x,0,1,0,2021-12-31\n"
                + "4,2000-01-01,,,x,2,1,0,2021-12-31\n"
                + "5,2000-01-01,1,1999-01-01,x,0,1,0,2021-12-31\n"
                + "1,2000-01-01,,,x,0,1,0,2021-12-31\n"
                + "7,2000-01-01,,,x,0,1\n";
        var e = catchProblems(text);
        assertThat(e).extracting(Problem::render).containsExactly(
                "t.csv:2:3: pa_date '2000-13-01' is not a date (write yyyy-mm-dd, e.g. 1999-08-31)",
                "t.csv:3:14: ended 'yes' is neither 1 nor 0 nor empty (1 or 1.0 when the agreement ended, else empty or 0)",
                "t.csv:4:16: duration is empty (an ended agreement needs its end date here)",
                "t.csv:5:18: cease '2' is not 0 or 1 (provisions are coded 0 (absent) or 1 (present))",
                "t.csv:6:16: agreement 5 ended 1999-01-01, before it was signed 2000-01-01 (check the dates of this row)",
                "t.csv:7:1: duplicate paid '1' (first at line 2)",
                "t.csv:8:1: the row has 7 fields, the header 9 (a comma or quote may be missing)");
    }

    @Test
    void aMissingColumnOrABrokenQuoteIsNamed() {
        assertThat(catchProblems("paid,pa_date,ended,duration\n1,2000-01-01,,\n")).extracting(Problem::render)
                .containsExactly("t.csv:1:1: no column 'censor_point' (the UCDP PAD file has paid, pa_date, ended, duration, censor_point)");
        assertThat(catchProblems(HEAD + "1,2000-01-01,,,\"never closed,0,0,0,2021-12-31\n")).extracting(Problem::render)
                .containsExactly("t.csv:2:16: a quoted field is never closed (add the closing quote)");
        assertThat(catchProblems(HEAD + "1,2000-01-01,,,a\"b,0,0,0,2021-12-31\n")).extracting(Problem::line).containsExactly(2);
    }

    @Test
    void forPredictionOutcomesMayBeAbsent() {
        var data = new AgreementReader(false).parse("t.csv", "paid,pa_date,cease,pko\nx,2001-05-05,1,0\n", SHA);
        assertThat(data.agreements().get(0).provisions()).containsEntry("cease", 1).containsEntry("pko", 0);
        assertThatThrownBy(() -> new AgreementReader().parse("t.csv", "paid,pa_date,cease,pko\nx,2001-05-05,1,0\n", SHA))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no column 'ended'");
    }

    private static java.util.List<Problem> catchProblems(String text) {
        try {
            new AgreementReader().parse("t.csv", text, SHA);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("no problem reported for:\n" + text);
    }
}
