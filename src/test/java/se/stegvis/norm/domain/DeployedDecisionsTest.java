package se.stegvis.norm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The remembered results never outlive the deployed version they came from. */
class DeployedDecisionsTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:deployed-decisions;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("deployed-decisions-test")
                .setJobExecutorActivate(false)
                .buildProcessEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aNewDeploymentIsReadAtOnceAndRepeatedLookupsGiveTheSameAnswer() throws Exception {
        String model = Files.readString(Path.of("processes/riksnorm.dmn"));
        deploy(model);
        DeployedDecisions decisions = new DeployedDecisions(engine.getRepositoryService());
        Map<String, Object> single2025 = Map.of("ar", 2025, "hushallsstorlek", 1);

        DmnDecisionResult first = decisions.evaluate(RiksnormTable.HOUSEHOLD_COSTS_DECISION, single2025);
        long amount = ((Number) first.getSingleResult().getSingleEntry()).longValue();
        assertThat(amount).isPositive();
        assertThat(decisions.evaluate(RiksnormTable.HOUSEHOLD_COSTS_DECISION, single2025)).isSameAs(first);

        // A process owner's new version moves the 2025 rows to 2099 (a year no row has): the old answer must not be
        // given again.
        deploy(model.replace("<text>2025</text>", "<text>2099</text>"));
        assertThat(decisions.evaluate(RiksnormTable.HOUSEHOLD_COSTS_DECISION, single2025)).isEmpty();
        DmnDecisionResult moved = decisions.evaluate(RiksnormTable.HOUSEHOLD_COSTS_DECISION,
                Map.of("ar", 2099, "hushallsstorlek", 1));
        assertThat(((Number) moved.getSingleResult().getSingleEntry()).longValue()).isEqualTo(amount);
    }

    private static void deploy(String model) {
        engine.getRepositoryService().createDeployment()
                .addInputStream("riksnorm.dmn", new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)))
                .deploy();
    }
}
