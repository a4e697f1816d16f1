package org.phasegate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phasegate.TestFiles;

class BundledScenariosTest {
    static final Scenario GAZA = new ScenarioLoader().load(TestFiles.scenarios().resolve("gaza-2025.yaml"));

    @ParameterizedTest
    @ValueSource(strings = {"gaza-2025.yaml", "gaza-ceasefire-2025-01.yaml", "ni-decommissioning-1998.yaml"})
    void bundledScenariosLoadAndEveryRuleCitesAKnownSource(String file) {
        var s = new ScenarioLoader().load(TestFiles.scenarios().resolve(file));
        var sourceIds = s.sources().stream().map(Source::id).toList();
        assertThat(s.obligations()).allSatisfy(o -> assertThat(o.sources()).isNotEmpty()
                .allSatisfy(c -> assertThat(sourceIds).contains(c.sourceId())));
        assertThat(s.gates()).allSatisfy(g -> assertThat(g.sources()).isNotEmpty());
    }

    @Test
    void gazaCoversAllTwentyPointsOfThePlan() {
        var cited = citations().filter(c -> c.sourceId().equals("plan-2025")).map(c -> c.locator().orElse(""))
                .collect(java.util.stream.Collectors.toSet());
        assertThat(cited).containsAll(IntStream.rangeClosed(1, 20).mapToObj(i -> "point-" + i).toList());
    }

    @Test
    void gazaCoversResolution2803sProvisions() {
        var cited = new HashSet<String>();
        citations().filter(c -> c.sourceId().startsWith("unscr-2803")).forEach(c -> cited.add(c.locator().orElse("")));
        assertThat(cited).contains("endorses-plan", "board-of-peace", "operational-entities", "world-bank-trust-fund",
                "humanitarian-aid", "isf-mandate", "idf-withdrawal", "mandate-duration", "reporting");
    }

    @Test
    void gazaModelsEveryPartyTheBriefNames() {
        var kinds = GAZA.parties().stream().map(Party::kind).toList();
        assertThat(kinds).contains(Party.Kind.STATE, Party.Kind.ARMED_GROUP, Party.Kind.MEDIATOR, Party.Kind.GUARANTOR,
                Party.Kind.INTERNATIONAL_BODY, Party.Kind.FORCE_CONTRIBUTOR, Party.Kind.DONOR, Party.Kind.ADMINISTRATION);
        assertThat(GAZA.parties()).extracting(Party::id).contains("israel", "hamas", "egypt", "qatar", "turkey", "us");
    }

    @Test
    void gazaLinksHostagesToReleasesAndMilestonesToWithdrawalAndMoney() {
        var graph = GateGraph.of(GAZA);
        assertThat(GAZA.gatesUnlocking("release-life-prisoners")).extracting(Gate::id).contains("hostage-return-gate");
        assertThat(GAZA.gatesUnlocking("amnesty-for-decommissioned-members")).extracting(Gate::id).contains("all-hostages-returned");
        assertThat(graph.dependencies("withdrawal-stage-2-gate")).contains("withdrawal-stage-1-gate");
        assertThat(GAZA.gatesUnlocking("fund-reconstruction-tranche-1")).extracting(Gate::id).contains("reconstruction-tranche-1-gate");
        assertThat(GAZA.gatesUnlocking("handover-to-pa")).extracting(Gate::id).contains("pa-reform-gate");
        assertThat(GAZA.gate("fallback-gate")).isPresent();
    }

    private static Stream<Citation> citations() {
        return Stream.of(GAZA.obligations().stream().flatMap(o -> o.sources().stream()),
                GAZA.gates().stream().flatMap(g -> g.sources().stream())).flatMap(s -> s);
    }
}
