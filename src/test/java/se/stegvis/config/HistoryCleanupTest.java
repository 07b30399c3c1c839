package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's history cleanup as Stegvis configures it (HistoryRetentionPlugin), on an engine of its own with a short
 * time to live: the model's ten years are overridden by the setting, a finished instance's history is removed by the
 * cleanup once its time is up, a running instance's is kept, and the cleanup is scheduled in the nightly window.
 */
class HistoryCleanupTest {

    private static final String MODEL = "kort-historik";

    ProcessEngine engine;

    @BeforeEach
    void setUp() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("stegvis-history-cleanup-test")
                .setJdbcUrl("jdbc:h2:mem:stegvis-history-cleanup-test;DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setProcessEnginePlugins(List.of(
                new HistoryRetentionPlugin(new RetentionSettings(1, "22:00", "05:00", null))));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance(MODEL + ".bpmn", Bpmn.createExecutableProcess(MODEL).camundaHistoryTimeToLive(3650)
                        .startEvent().userTask("Task_Do").endEvent().done())
                .deploy();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        engine.close();
    }

    @Test
    void aFinishedInstancesHistoryIsCleanedWhenItsTimeIsUpInTheNightlyWindow() {
        at(2026, 3, 2, 10);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(MODEL)
                .singleResult().getHistoryTimeToLive()).as("the setting, not the model's 3650 days").isEqualTo(1);
        String finished = engine.getRuntimeService().startProcessInstanceByKey(MODEL,
                java.util.Map.of("anteckning", "text")).getId();
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(finished)
                .singleResult().getId());
        String running = engine.getRuntimeService().startProcessInstanceByKey(MODEL).getId();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(2);

        // In the window, before the time is up: nothing to remove.
        at(2026, 3, 2, 23);
        cleanUp();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(finished).count())
                .isOne();

        // The next night the finished instance's history is gone (instance, task, variables), the running one stays.
        at(2026, 3, 3, 23);
        cleanUp();
        var history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(finished).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(finished).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(finished).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running).count()).isOne();
    }

    @Test
    void theCleanupIsScheduledInTheNightlyWindow() {
        at(2026, 3, 2, 10);
        Job job = engine.getHistoryService().cleanUpHistoryAsync();
        LocalDateTime due = LocalDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due).isEqualTo(LocalDateTime.of(2026, 3, 2, 22, 0));
    }

    @Test
    void gallringOfTheCaseRecordsIsRefusedUntilItIsBuilt() {
        assertThat(RetentionSettings.defaults().caseRecords()).isEqualTo(RetentionSettings.CaseRecords.BEVARAS);
        assertThat(RetentionSettings.defaults().engineHistoryDays()).isEqualTo(180);
        assertThatThrownBy(() -> new RetentionSettings(null, null, null, RetentionSettings.CaseRecords.GALLRAS))
                .hasMessageContaining("GALLRAS");
        assertThatThrownBy(() -> new RetentionSettings(null, "sent", null, null)).hasMessageContaining("cleanup-window-start");
    }

    private void cleanUp() {
        // Run now (immediately = true), as the job executor would at the window's start.
        Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(job.getId());
    }

    private static void at(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(ZoneId.systemDefault())
                .toInstant()));
    }
}
