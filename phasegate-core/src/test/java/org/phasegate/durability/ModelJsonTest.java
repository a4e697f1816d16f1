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
