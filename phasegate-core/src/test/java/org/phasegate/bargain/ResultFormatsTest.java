package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResultFormatsTest {
    private static BargainResult run() throws Exception {
        return Smp.run(IssueFiles.read(KtabData.dir().resolve("inputs/dummyData_3Dim.csv")));
    }

    @Test
    void jsonCarriesEveryTurnAndTheOutcome() throws Exception {
        BargainResult r = run();
        JsonNode json = new ObjectMapper().readTree(ResultFormats.json(r));

        assertThat(json.get("turns").asInt()).isEqualTo(r.lastTurn());
        assertThat(json.get("history")).hasSize(r.lastTurn() + 1);
        assertThat(json.get("history").get(r.lastTurn()).get("positions").get(2).get(1).asDouble())
                .isCloseTo(r.position(r.lastTurn(), 2, 1), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(json.get("predictedOutcome")).hasSize(r.dimensions());
    }

    @Test
    void svgDrawsOneLinePerActorPerDimension() throws Exception {
        BargainResult r = run();
        String svg = PositionChart.svg(r);

        assertThat(svg.split("<polyline", -1)).hasSize(r.actors() * r.dimensions() + 1);
        assertThat(svg).startsWith("<svg").contains("Pstn1", "Pstn2", "Pstn3", "SActor-06");
    }

    @Test
    void textChartHasARowPerActorPerDimension() throws Exception {
        BargainResult r = run();
        String text = PositionChart.text(r, 40);

        assertThat(text.lines().filter(l -> l.startsWith("SActor-")).count()).isEqualTo((long) r.actors() * r.dimensions());
    }

    @Test
    void winProbabilitiesCsvHasARowPerTurnAndActor() throws Exception {
        BargainResult r = run();

        assertThat(ResultFormats.winProbabilitiesCsv(r).lines().count()).isEqualTo(1L + (r.lastTurn() + 1L) * r.actors());
    }
}
