package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;

class PersonalDataHistoryLevelTest {

    private final PersonalDataHistoryLevel level = new PersonalDataHistoryLevel(List.of("personnummer"));

    @Test
    void keepsWhatIsReadAsFullDoes() {
        for (var type : List.of(HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.ACTIVITY_INSTANCE_END,
                HistoryEventTypes.TASK_INSTANCE_COMPLETE, HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
                HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.INCIDENT_CREATE,
                HistoryEventTypes.DMN_DECISION_EVALUATE, HistoryEventTypes.IDENTITY_LINK_ADD,
                HistoryEventTypes.USER_OPERATION_LOG, HistoryEventTypes.JOB_FAIL, HistoryEventTypes.EXTERNAL_TASK_FAIL)) {
            assertThat(level.isHistoryEventProduced(type, null)).as(type.getEventName()).isTrue();
        }
    }

    @Test
    void writesNoVariableDetailsNorTheLogOfWorkThatWentWell() {
        for (var type : List.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.JOB_CREATE,
                HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE, HistoryEventTypes.EXTERNAL_TASK_CREATE,
                HistoryEventTypes.EXTERNAL_TASK_SUCCESS, HistoryEventTypes.EXTERNAL_TASK_DELETE)) {
            assertThat(level.isHistoryEventProduced(type, null)).as(type.getEventName()).isFalse();
        }
    }

    @Test
    void neverRecordsPersonalFormFields() {
        VariableInstanceEntity personal = new VariableInstanceEntity();
        personal.setName("personnummer");
        VariableInstanceEntity other = new VariableInstanceEntity();
        other.setName("applicationId");

        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, personal)).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, other)).isTrue();
    }

    @Test
    void writesNothingOfATaskOutsideEveryProcess() {
        TaskEntity standalone = new TaskEntity();
        standalone.setId("fristaende");
        TaskEntity inProcess = new TaskEntity();
        inProcess.setId("i-processen");
        inProcess.setProcessDefinitionId("ekonomiskt-bistand:1:1");
        inProcess.setExecutionId("e1");
        VariableInstanceEntity ofStandalone = new VariableInstanceEntity();
        ofStandalone.setName("anteckning");
        ofStandalone.setTaskId(standalone.getId());
        VariableInstanceEntity ofProcessTask = new VariableInstanceEntity();
        ofProcessTask.setName("anteckning");
        ofProcessTask.setTaskId(inProcess.getId());
        ofProcessTask.setExecutionId("e1");
        IdentityLinkEntity linkOfStandalone = new IdentityLinkEntity();
        linkOfStandalone.setTask(standalone);
        IdentityLinkEntity linkOfProcessTask = new IdentityLinkEntity();
        linkOfProcessTask.setTask(inProcess);

        for (var type : List.of(HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
                HistoryEventTypes.TASK_INSTANCE_COMPLETE)) {
            assertThat(level.isHistoryEventProduced(type, standalone)).as(type.getEventName()).isFalse();
            assertThat(level.isHistoryEventProduced(type, inProcess)).as(type.getEventName()).isTrue();
        }
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, ofStandalone)).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, ofProcessTask)).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.IDENTITY_LINK_ADD, linkOfStandalone)).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.IDENTITY_LINK_ADD, linkOfProcessTask)).isTrue();
    }

    @Test
    void writesNoOperationLogOfATaskOutsideEveryProcess() {
        UserOperationLogEntryEventEntity standalone = new UserOperationLogEntryEventEntity();
        standalone.setTaskId("fristaende");
        UserOperationLogEntryEventEntity inProcess = new UserOperationLogEntryEventEntity();
        inProcess.setTaskId("i-processen");
        inProcess.setProcessInstanceId("pi");
        inProcess.setProcessDefinitionKey("ekonomiskt-bistand");
        UserOperationLogEntryEventEntity admin = new UserOperationLogEntryEventEntity();

        assertThat(HistoryWithoutTasksOutsideProcesses.ofTaskOutsideEveryProcess(standalone)).isTrue();
        assertThat(HistoryWithoutTasksOutsideProcesses.ofTaskOutsideEveryProcess(inProcess)).isFalse();
        assertThat(HistoryWithoutTasksOutsideProcesses.ofTaskOutsideEveryProcess(admin)).isFalse();
    }
}
