package se.stegvis.modelguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import se.stegvis.support.StegvisSpringTest;

/** Guards the models under processes/ and forms/ with the rules process owners must keep (see ModelGuard). */
@StegvisSpringTest
class ModelGuardTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyModelKeepsTheHouseRules() {
        List<String> violations = new ModelGuard(Path.of("processes"), Path.of("forms"), new RegisteredBeans(context)).check();
        assertThat(violations).as("models that a process owner or the engine would trip over").isEmpty();
    }

    @Test
    void everyFormIsUsableByTasklist() throws Exception {
        // Each form has an id and at least one component; a form nobody refers to is still deployed, but say so.
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form.toFile());
                assertThat(json.path("id").asText()).as(form + " id").isNotBlank();
                assertThat(json.path("components").size()).as(form + " components").isPositive();
            }
        }
    }

    /** The guard itself must catch each kind of mistake, or the test above proves nothing. */
    @Test
    void guardCatchesEveryKindOfMistake(@TempDir Path dir) throws Exception {
        Path processes = Files.createDirectories(dir.resolve("processes"));
        Path forms = Files.createDirectories(dir.resolve("forms"));
        Files.writeString(forms.resolve("finns.form"), "{\"id\":\"finns\",\"components\":[]}");
        Files.writeString(processes.resolve("dalig.bpmn"), BAD_BPMN);
        Files.writeString(processes.resolve("trasig.bpmn"), "<inte xml");

        List<String> violations = new ModelGuard(processes, forms, ModelBeans.of(Set.of("finnsDelegate"), Set.of())).check();

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("trasig.bpmn", "does not parse"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("process 'dalig'", "historyTimeToLive"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("'Activity_0abc123'", "modeler default id"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("'Flow_1xyz9ab'", "modeler default id"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("userTask 'Activity_0abc123'", "no candidate group"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("userTask 'Task_NoForm'", "no form"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("userTask 'Task_MissingForm'", "'saknas'"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("userTask 'Task_NoForm'", "no name"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("serviceTask 'Task_UnknownBean'",
                "namnger ingen registrerad delegat", "'saknasDelegate'"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("serviceTask 'Task_UnknownBean'", "no asyncBefore"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("scriptTask 'Task_Script'", "inte tillåtna"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("'Task_NotLaidOut'", "not laid out"));
        assertThat(violations).noneSatisfy(v -> assertThat(v).contains("'Task_Good'"));
        // Synchronous only where the model says why (property "synchronous", e.g. "Registrera ansökan").
        assertThat(violations).noneSatisfy(v -> assertThat(v).contains("'Task_SyncAfterStartForm'", "asyncBefore"));
        assertThat(violations).noneSatisfy(v -> assertThat(v).contains("'Task_SyncAfterStartForm'", "failedJobRetryTimeCycle"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("serviceTask 'Task_SyncAfterUserTask'", "no asyncBefore"));
    }

    @Test
    void recognisesModelerDefaultIds() {
        assertThat(ModelGuard.MODELER_DEFAULT_ID.matcher("Activity_0xrmvgg").matches()).isTrue();
        assertThat(ModelGuard.MODELER_DEFAULT_ID.matcher("Flow_1shfdry").matches()).isTrue();
        assertThat(ModelGuard.MODELER_DEFAULT_ID.matcher("StartEvent_1").matches()).isTrue();
        assertThat(ModelGuard.MODELER_DEFAULT_ID.matcher("Task_InvestigateApplication").matches()).isFalse();
        assertThat(ModelGuard.MODELER_DEFAULT_ID.matcher("Gateway_NeedsApproval").matches()).isFalse();
    }

    private static final String BAD_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="http://test">
              <bpmn:process id="dalig" name="Dålig" isExecutable="true">
                <bpmn:startEvent id="StartEvent_Start" name="Start" />
                <bpmn:userTask id="Activity_0abc123" name="Utan grupp" camunda:formRef="finns" />
                <bpmn:userTask id="Task_NoForm" camunda:candidateGroups="handlaggare" />
                <bpmn:userTask id="Task_MissingForm" name="Form saknas" camunda:candidateGroups="handlaggare" camunda:formRef="saknas" />
                <bpmn:userTask id="Task_Good" name="Bra" camunda:candidateGroups="handlaggare" camunda:formRef="finns" />
                <bpmn:serviceTask id="Task_UnknownBean" name="Okänd böna" camunda:delegateExpression="${saknasDelegate}" />
                <bpmn:scriptTask id="Task_Script" name="Skript" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
                <bpmn:task id="Task_NotLaidOut" name="Ej utlagd" />
                <bpmn:sequenceFlow id="Flow_1xyz9ab" sourceRef="StartEvent_Start" targetRef="Task_Good" />
                <bpmn:startEvent id="StartEvent_WithForm" name="Med formulär" camunda:formRef="finns" />
                <bpmn:serviceTask id="Task_SyncAfterStartForm" name="Registrera" camunda:delegateExpression="${finnsDelegate}">
                  <bpmn:extensionElements><camunda:properties><camunda:property name="synchronous" value="i startens transaktion" /></camunda:properties></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:serviceTask id="Task_SyncAfterUserTask" name="Registrera svar" camunda:delegateExpression="${finnsDelegate}" />
                <bpmn:sequenceFlow id="SequenceFlow_ToSync" sourceRef="StartEvent_WithForm" targetRef="Task_SyncAfterStartForm" />
                <bpmn:sequenceFlow id="SequenceFlow_ToSyncAfterUserTask" sourceRef="Task_Good" targetRef="Task_SyncAfterUserTask" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="BPMNDiagram_Test">
                <bpmndi:BPMNPlane id="BPMNPlane_Test" bpmnElement="dalig">
                  <bpmndi:BPMNShape id="S1" bpmnElement="StartEvent_Start"><dc:Bounds x="0" y="0" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="S2" bpmnElement="Task_Good"><dc:Bounds x="100" y="0" width="100" height="80" /></bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
}
