package org.phasegate.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phasegate.problem.InvalidInputException;

class ModelJsonTest {
    private static final DurabilityModel FITTED = DurabilityModel.fit(Ucdp.read());

    @Test
    void aWrittenModelReadsBackToTheSameModel() {
        var back = ModelJson.read("m.json", ModelJson.write(FITTED));
        assertThat(ModelJson.write(back)).isEqualTo(ModelJson.write(FITTED));
        var provisions = new java.util.HashMap<String, Integer>();
        FITTED.weibull().covariates().forEach(c -> provisions.put(c, 1));
        assertThat(back.weibull().ended(365, provisions)).isEqualTo(FITTED.weibull().ended(365, provisions));
        assertThat(back.rows()).isEqualTo(227);
        assertThat(back.sha256()).isEqualTo(FITTED.sha256());
    }

    @Test
    void invalidUtf8InAModelFileIsLocated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var text = ModelJson.write(FITTED).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int secondLine = new String(text, java.nio.charset.StandardCharsets.UTF_8).indexOf('\n') + 1;
        text[secondLine + 2] = (byte) 0xFE;
        var file = java.nio.file.Files.write(dir.resolve("m.json"), text);
        assertThatThrownBy(() -> ModelJson.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":2:3: not valid UTF-8 (byte 0xFE) (save the file as UTF-8)");
    }

    /** The models the bundled assumption sets name are what fitting the data file gives today (not stale). */
    @Test
    void theBundledModelsAreFitsOfTheDataFile() {
        var dir = org.phasegate.TestFiles.scenarios().resolve("durability");
        var selected = ModelJson.load(dir.resolve("ucdp-pad-1975-2004.model.json"));
        var simple = ModelJson.load(dir.resolve("ucdp-pad-1975-2004.cease-pko.model.json"));
        var data = Ucdp.read();
        for (var pair : java.util.List.of(java.util.List.of(selected, FITTED), java.util.List.of(simple, DurabilityModel.fit(data, java.util.List.of("cease", "pko"))))) {
            var bundled = pair.get(0).weibull();
            var fresh = pair.get(1).weibull();
            assertThat(bundled.covariates()).isEqualTo(fresh.covariates());
            assertThat(bundled.shape()).isCloseTo(fresh.shape(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(bundled.intercept()).isCloseTo(fresh.intercept(), org.assertj.core.data.Offset.offset(1e-9));
            for (int j = 0; j < fresh.beta().length; j++) assertThat(bundled.beta()[j]).isCloseTo(fresh.beta()[j], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(pair.get(0).sha256()).isEqualTo(data.sha256());
        }
    }

    @Test
    void selectionIsSeededAndKeepsTheForcedCovariatesAndTheEventsPerCovariateRule() {
        var again = DurabilityModel.fit(Ucdp.read());
        assertThat(again.selection().chosen()).isEqualTo(FITTED.selection().chosen());
        assertThat(FITTED.selection().chosen()).startsWith("cease", "pko");
        assertThat(FITTED.selection().chosen().size() * Selection.EVENTS_PER_COVARIATE).isLessThanOrEqualTo(87);
        assertThat(FITTED.selection().candidates()).doesNotContain("mil_prov", "cease", "ind", "demarcation");
    }

    @Test
    void aMissingOrMistypedFieldIsNamedByItsPath() {
        String json = ModelJson.write(FITTED);
        assertThatThrownBy(() -> ModelJson.read("m.json", json.replace("\"shape\"", "\"shap\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("m.json: field /shape is missing");
        assertThatThrownBy(() -> ModelJson.read("m.json", json.replaceFirst("\"code\" : \"cease\"", "\"code\" : \"ceasefire\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown provision code 'ceasefire'");
        assertThatThrownBy(() -> ModelJson.read("m.json", "{\n  \"format\": [1,\n}"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("m.json:3:1: not valid JSON");
        assertThatThrownBy(() -> FITTED.weibull().ended(10, Map.of("cease", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs provision 'pko'");
    }
}
