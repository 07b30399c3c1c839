package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
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
}
