package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A retry cycle written by an element template (an extension property) counts as camunda:failedJobRetryTimeCycle. */
class TemplateRetryCycleTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder().build();

    ProcessEngine processEngine;

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        processEngine.getRepositoryService().createDeploymentQuery().list()
                .forEach(d -> processEngine.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void theTemplatesPropertyGivesTheJobItsRetries() {
        Job job = failOnce(model("mallForsok", "R5/PT7M", null));
        assertThat(job.getRetries()).isEqualTo(4);
        assertThat(job.getDuedate()).isEqualTo(new Date(NOW.getTime() + 7 * 60_000));
    }

    @Test
    void anExplicitRetryCycleWins() {
        Job job = failOnce(model("explicitForsok", "R5/PT7M", "R2/PT1M"));
        assertThat(job.getRetries()).isEqualTo(1);
        assertThat(job.getDuedate()).isEqualTo(new Date(NOW.getTime() + 60_000));
    }

    @Test
    void withoutEitherTheEngineDefaultApplies() {
        Job job = failOnce(model("inga", null, null));
        assertThat(job.getRetries()).isEqualTo(2);
    }

    private static final Date NOW = new Date(1_767_225_600_000L); // 2026-01-01T00:00:00Z

    private Job failOnce(BpmnModelInstance model) {
        Mocks.register("failingDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            throw new IllegalStateException("fel med flit");
        });
        ClockUtil.setCurrentTime(NOW);
        processEngine.getRepositoryService().createDeployment().addModelInstance("test.bpmn", model).deploy();
        String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
        var pi = processEngine.getRuntimeService().startProcessInstanceByKey(key);
        Job job = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThatThrownBy(() -> processEngine.getManagementService().executeJob(job.getId())).hasMessageContaining("fel med flit");
        return processEngine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    }

    private static BpmnModelInstance model(String key, String property, String explicit) {
        var task = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("ServiceTask_Fails").camundaAsyncBefore()
                .camundaDelegateExpression("${failingDelegate}");
        if (explicit != null) {
            task.camundaFailedJobRetryTimeCycle(explicit);
        }
        BpmnModelInstance model = task.endEvent().done();
        if (property != null) {
            // What Modeler writes for the template's retry field (binding camunda:property)
            var serviceTask = (org.camunda.bpm.model.bpmn.instance.ServiceTask) model.getModelElementById("ServiceTask_Fails");
            var extensions = serviceTask.getExtensionElements();
            if (extensions == null) {
                extensions = model.newInstance(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class);
                serviceTask.setExtensionElements(extensions);
            }
            var properties = extensions.addExtensionElement(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class);
            var retry = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty.class);
            retry.setCamundaName(TemplateRetryCycle.PROPERTY);
            retry.setCamundaValue(property);
            properties.getCamundaProperties().add(retry);
        }
        return model;
    }
}
