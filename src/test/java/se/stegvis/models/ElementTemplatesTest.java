package se.stegvis.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/**
 * .camunda/element-templates/ is always what the code and the models give (one template per delegate and execution
 * listener); regenerate with {@value Regenerate#COMMAND}.
 */
class ElementTemplatesTest {

    private static final ElementTemplates templates =
            new ElementTemplates(Path.of("processes"), Path.of("src", "main", "java"));

    @Test
    void templatesAreCurrent() {
        Regenerate.folder(ElementTemplates.FOLDER, ".json", templates.render());
        Regenerate.file(ElementTemplates.FOLDER.resolve("README.md"), templates.readme());
    }

    @Test
    void everyDelegateAServiceTaskNamesIsAStegvisBeanWithATemplate() throws Exception {
        var beans = templates.beans();
        var rendered = templates.render();
        Pattern bean = Pattern.compile("^\\$\\{(\\w+)}$");
        for (Path file : List.of(Path.of("processes", "ekonomiskt-bistand.bpmn"), Path.of("processes", "klientresa.bpmn"),
                Path.of("processes", "arbetsforberedande-insats.bpmn"), Path.of("processes", "overklagande.bpmn"))) {
            for (ServiceTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class)) {
                if (task.getCamundaDelegateExpression() == null) {
                    continue; // an external task (the register check's worker)
                }
                var m = bean.matcher(task.getCamundaDelegateExpression());
                assertThat(m.matches()).as(task.getId()).isTrue();
                assertThat(beans).as(file + " " + task.getId()).containsKey(m.group(1));
                assertThat(rendered).containsKey(m.group(1) + ".json");
            }
        }
    }

    @Test
    void aDelegateTemplateSetsTheExpressionAsyncBeforeRetryCycleAndRequiredInputs() throws Exception {
        JsonNode t = new ObjectMapper().readTree(templates.render().get("schedulePaymentDelegate.json"));
        assertThat(t.path("name").asText()).isEqualTo("Stegvis: Planera utbetalning");
        assertThat(t.path("id").asText()).isEqualTo("se.stegvis.schedulePaymentDelegate");
        assertThat(t.path("appliesTo").toString()).contains("bpmn:ServiceTask");
        assertThat(t.path("description").asText()).contains("one payment per decision", "ekonomiskt-bistand › Planera utbetalning");
        String properties = t.path("properties").toString();
        assertThat(properties).contains("\"value\":\"${schedulePaymentDelegate}\"", "\"name\":\"camunda:delegateExpression\"",
                "\"name\":\"camunda:asyncBefore\"", "\"value\":\"R3/PT5M\"", "\"name\":\"failedJobRetryTimeCycle\"",
                "\"type\":\"camunda:inputParameter\",\"name\":\"applicationId\"", "\"notEmpty\":true");
    }

    @Test
    void aSynchronousDelegateTemplateSaysWhyInsteadOfAsyncBefore() throws Exception {
        // "Registrera ansökan" runs in the start form's transaction: the template writes the property the model guard
        // requires of a service task without asyncBefore, never asyncBefore or a retry cycle.
        JsonNode t = new ObjectMapper().readTree(templates.render().get("registerApplicationDelegate.json"));
        String properties = t.path("properties").toString();
        assertThat(properties).contains("\"type\":\"camunda:property\",\"name\":\"synchronous\"", "I startens transaktion")
                .doesNotContain("camunda:asyncBefore", "failedJobRetryTimeCycle");
    }

    @Test
    void anExecutionListenerTemplateBindsTheListenerWithItsEvent() throws Exception {
        JsonNode t = new ObjectMapper().readTree(templates.render().get("summarizeProposalsListener.json"));
        JsonNode binding = t.path("properties").get(0).path("binding");
        assertThat(binding.path("type").asText()).isEqualTo("camunda:executionListener");
        assertThat(binding.path("event").asText()).isEqualTo("end");
        assertThat(binding.path("implementationType").asText()).isEqualTo("delegateExpression");
        assertThat(t.path("properties").get(0).path("value").asText()).isEqualTo("${summarizeProposalsListener}");
    }

    @Test
    void taskListenersAreListedSinceNoTemplateCanPlaceThem() {
        assertThat(templates.render()).doesNotContainKey("fourEyesListener.json");
        assertThat(templates.readme()).contains("`${fourEyesListener}` | assignment, complete");
    }
}
