package org.phasegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.phasegate.scenario.ScenarioLoader;

/** `scenario show` names who verifies what: the count by default and each designated body. */
class ScenarioTreeVerificationTest {
    @Test
    void theNorthernIrelandScenarioShowsTheIicdAndTheInspectorsAsVerifiers() {
        var ni = new ScenarioLoader().load(Path.of("..", "scenarios", "ni-decommissioning-1998.yaml"));
        assertThat(ScenarioTree.render(ni)).contains("""
                verification: 1 independent attestation by default
                  statement with category act-of-decommissioning: verified by iicd (its finding)
                  statement with category arms-dump-inspection: verified by arms-inspectors (its finding)
                """);
    }
}
