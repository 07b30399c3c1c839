package se.stegvis.modelguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The code rules that both the build and the engine's deployment guard apply, one attack per test. */
class CodeRulesTest {

    static final ModelBeans BEANS = ModelBeans.of(Set.of("fourEyesListener", "registerDecisionDelegate"),
            Set.of("clientRepository", "identityService", "applicationService"));

    @Test
    void theReleasedModelsKeepTheRules() throws Exception {
        // Every expression the models use today (conditions, timers, due dates, candidate groups, collections, the
        // business key of called processes) passes; only the delegate names need the real list of beans.
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("processes")), Files.list(Path.of("forms")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var resource = new ModelResource(file.toString(), Files.readAllBytes(file));
                assertThat(CodeRules.check(resource, ModelBeans.of(Set.of(), Set.of())))
                        .as(file.toString())
                        .allSatisfy(v -> assertThat(v.message()).contains("delegateExpression", "namnger ingen"));
            }
        }
    }

    @Test
    void refusesRuntimeExecInAServiceTaskExpression() {
        List<ModelViolation> violations = bpmn("""
                <bpmn:serviceTask id="Task_Exec" name="Kör" camunda:expression="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/x')}" />
                """);
        assertThat(violations).anySatisfy(v -> {
            assertThat(v.file()).isEqualTo("attack.bpmn");
            assertThat(v.elementId()).isEqualTo("Task_Exec");
            assertThat(v.message()).contains("serviceTask 'Task_Exec'", "anropar metoden 'getClass'");
        });
    }

    @Test
    void refusesCreateMembershipOnTheIdentityService() {
        List<ModelViolation> violations = bpmn("""
                <bpmn:serviceTask id="Task_Admin" name="Gör mig till admin" camunda:asyncBefore="true"
                    camunda:expression="${identityService.createMembership('processagare1','camunda-admin')}" />
                """);
        assertThat(violations).anySatisfy(v -> assertThat(v.message())
                .contains("Task_Admin", "anropar metoden 'createMembership'"));
        assertThat(violations).anySatisfy(v -> assertThat(v.message()).contains("når bönan 'identityService'"));
    }

    @Test
    void refusesAnyBeanButTheRegisteredDelegatesEvenWithoutAMethodCall() {
        assertThat(bpmn("""
                <bpmn:sequenceFlow id="SequenceFlow_Count" sourceRef="StartEvent_Start" targetRef="EndEvent_End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${clientRepository.count() > 0}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                """)).anySatisfy(v -> assertThat(v.message()).contains("sequenceFlow 'SequenceFlow_Count'",
                "anropar metoden 'count'"));
        assertThat(bpmn("""
                <bpmn:userTask id="Task_Peek" name="Titta" camunda:candidateGroups="${applicationService}" />
                """)).anySatisfy(v -> assertThat(v.message()).contains("Task_Peek", "når bönan 'applicationService'"));
    }

    @Test
    void refusesScriptsAnywhere() {
        assertThat(bpmn("""
                <bpmn:scriptTask id="Task_Script" name="Skript" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
                """)).anySatisfy(v -> assertThat(v.message()).contains("scriptTask 'Task_Script'", "skriptuppgifter"));
        assertThat(bpmn("""
                <bpmn:userTask id="Task_Listener" name="Lyssnare" camunda:candidateGroups="handlaggare">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create"><camunda:script scriptFormat="groovy">x</camunda:script></camunda:taskListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """)).anySatisfy(v -> assertThat(v.message()).contains("camunda:script i camunda:taskListener i userTask 'Task_Listener'",
                "skript är inte tillåtna"));
        assertThat(bpmn("""
                <bpmn:serviceTask id="Task_Io" name="IO" camunda:delegateExpression="${registerDecisionDelegate}">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:inputParameter name="x"><camunda:script scriptFormat="javascript" resource="deployment://x.js" /></camunda:inputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                </bpmn:serviceTask>
                """)).anySatisfy(v -> assertThat(v.message()).contains("Task_Io", "externa skript"));
        assertThat(bpmn("""
                <bpmn:sequenceFlow id="SequenceFlow_Script" sourceRef="StartEvent_Start" targetRef="EndEvent_End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                """)).anySatisfy(v -> assertThat(v.message()).contains("SequenceFlow_Script", "language=\"groovy\""));
    }

    @Test
    void refusesClassesConnectorsAndUnregisteredDelegates() {
        assertThat(bpmn("""
                <bpmn:serviceTask id="Task_Class" name="Klass" camunda:class="se.stegvis.Anything" />
                """)).anySatisfy(v -> assertThat(v.message()).contains("Task_Class", "camunda:class"));
        assertThat(bpmn("""
                <bpmn:endEvent id="EndEvent_Listener" name="Slut">
                  <bpmn:extensionElements><camunda:executionListener event="end" class="x.Y" /></bpmn:extensionElements>
                </bpmn:endEvent>
                """)).anySatisfy(v -> assertThat(v.message()).contains("camunda:executionListener i endEvent 'EndEvent_Listener'",
                "camunda:class"));
        assertThat(bpmn("""
                <bpmn:serviceTask id="Task_Connector" name="Http">
                  <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
                </bpmn:serviceTask>
                """)).anySatisfy(v -> assertThat(v.message()).contains("Task_Connector", "connectorer"));
        assertThat(bpmn("""
                <bpmn:serviceTask id="Task_Unknown" name="Okänd" camunda:delegateExpression="${clientRepository}" />
                """)).anySatisfy(v -> assertThat(v.message()).contains("Task_Unknown", "namnger ingen registrerad delegat"));
        assertThat(bpmn("""
                <bpmn:userTask id="Task_Call" name="Anrop" camunda:candidateGroups="handlaggare">
                  <bpmn:extensionElements><camunda:taskListener event="create" delegateExpression="${fourEyesListener.notify(task)}" /></bpmn:extensionElements>
                </bpmn:userTask>
                """)).anySatisfy(v -> assertThat(v.message()).contains("Task_Call", "ska vara ${namn}"));
    }

    @Test
    void refusesReadingTheEnginesObjectsBeyondTheirNamedProperties() {
        assertThat(bpmn("""
                <bpmn:userTask id="Task_Services" name="Tjänster" camunda:candidateGroups="${execution.processEngineServices.identityService}" />
                """)).anySatisfy(v -> assertThat(v.message()).contains("Task_Services", "processEngineServices"));
        assertThat(bpmn("""
                <bpmn:userTask id="Task_Bracket" name="Hakparentes" camunda:candidateGroups="${execution['processEngine']}" />
                """)).anySatisfy(v -> assertThat(v.message()).contains("Task_Bracket", "läser execution[...]"));
        assertThat(bpmn("""
                <bpmn:userTask id="Task_Function" name="Funktion" camunda:candidateGroups="${fn:forName('x')}" />
                """)).anySatisfy(v -> assertThat(v.message()).contains("Task_Function", "funktionen 'fn:forName'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${beslut == 'AVSLAG'}", "${beviljatBelopp <= 0}", "${!kraverAttest}", "${utredningSenast}",
            "${nyaInsatser.isEmpty()}", "${!nyaInsatser.isEmpty()}", "${empty nyaInsatser}", "#{execution.processBusinessKey}",
            "${genomforande != 'SAMTIDIGT'}", "${currentUserGroups()}", "${svar['belopp'] > 0}", "P2D", "R24/P1M",
            "${fourEyesListener}", "Utred ${typ}"})
    void allowsSimpleExpressionsOnTypedVariables(String expression) {
        assertThat(ExpressionPolicy.problems(expression, BEANS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${x.toString()}", "${x.isEmpty(1)}", "${''.class}", "${execution}", "${task.execution.id}",
            "${x.getClass()}", "${fourEyesListener.identityService}", "${clientRepository}", "${a ? b.c() : d}",
            "${dateTime().plusDays(1)}", "${not valid"})
    void refusesEverythingElse(String expression) {
        assertThat(ExpressionPolicy.problems(expression, BEANS)).isNotEmpty();
    }

    @Test
    void refusesFilesThatAreNotModelsAndXmlWithADoctype() {
        assertThat(CodeRules.check(new ModelResource("skript.js", "x".getBytes()), BEANS))
                .singleElement().satisfies(v -> assertThat(v.toString()).contains("skript.js", "bara BPMN"));
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>
                """;
        assertThat(CodeRules.check(new ModelResource("xxe.bpmn", xxe.getBytes(StandardCharsets.UTF_8)), BEANS))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("inte giltig XML").doesNotContain("root:"));
        assertThat(CodeRules.check(new ModelResource("x.form", "{\"components\":[]}".getBytes()), BEANS))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("saknar \"id\""));
    }

    @Test
    void refusesDmnInAnyLanguageButFeel() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_T" name="T" namespace="t">
                  <decision id="Decision_T" name="T">
                    <decisionTable id="DecisionTable_T">
                      <input id="Input_T"><inputExpression id="InputExpression_T" typeRef="string" expressionLanguage="javascript">
                        <text>java.lang.Runtime.getRuntime().exec('x')</text></inputExpression></input>
                      <output id="Output_T" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        assertThat(CodeRules.check(new ModelResource("t.dmn", dmn.getBytes(StandardCharsets.UTF_8)), BEANS))
                .singleElement().satisfies(v -> {
                    assertThat(v.elementId()).isEqualTo("InputExpression_T");
                    assertThat(v.message()).contains("\"javascript\"", "FEEL");
                });
    }

    static List<ModelViolation> bpmn(String elements) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Attack" targetNamespace="http://stegvis.se/test">
                  <bpmn:process id="attack" name="Attack" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Start" name="Start" />
                    <bpmn:endEvent id="EndEvent_End" name="Slut" />
                """ + elements + """
                  </bpmn:process>
                </bpmn:definitions>
                """;
        return CodeRules.check(new ModelResource("attack.bpmn", xml.getBytes(StandardCharsets.UTF_8)), BEANS);
    }
}
