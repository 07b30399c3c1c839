package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.support.StegvisSpringTest;

/** The application's engine has the retention of the settings: every definition's time to live and the window. */
@StegvisSpringTest
class HistoryRetentionTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RetentionSettings settings;

    @Autowired
    HistoryRetention retention;

    @Test
    void everyDefinitionHasTheConfiguredTimeToLiveAndTheCleanupHasItsNightlyWindow() {
        assertThat(settings.engineHistoryDays()).isEqualTo(400);
        assertThat(settings.caseRecords()).isEqualTo(RetentionSettings.CaseRecords.BEVARAS);
        var repository = engine.getRepositoryService();
        assertThat(repository.createProcessDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getId()).isEqualTo(400));
        assertThat(repository.createDecisionDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getId()).isEqualTo(400));
        assertThat(retention.apply()).as("nothing left to change").isZero();
        // A definition whose time to live differs (a records plan changed, a version deployed before) is set again.
        var process = repository.createProcessDefinitionQuery().latestVersion().list().get(0);
        var decision = repository.createDecisionDefinitionQuery().latestVersion().list().get(0);
        repository.updateProcessDefinitionHistoryTimeToLive(process.getId(), 7);
        repository.updateDecisionDefinitionHistoryTimeToLive(decision.getId(), 7);
        try {
            assertThat(retention.apply()).as("the two changed definitions").isEqualTo(2);
        } finally {
            retention.apply();
        }
        assertThat(repository.getProcessDefinition(process.getId()).getHistoryTimeToLive()).isEqualTo(400);
        assertThat(repository.getDecisionDefinition(decision.getId()).getHistoryTimeToLive()).isEqualTo(400);
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    }
}
