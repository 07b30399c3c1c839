package se.stegvis.modelguard;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import se.stegvis.config.TemplateRetryCycle;

/**
 * An element's retry cycle: the extension element {@code camunda:failedJobRetryTimeCycle}, or the extension property
 * that Stegvis' element templates write ({@link TemplateRetryCycle}).
 */
public final class RetryCycle {

    private RetryCycle() {
    }

    /** The retry cycle, or null when the element has none. */
    public static String of(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return null;
        }
        var extensions = element.getExtensionElements();
        for (CamundaFailedJobRetryTimeCycle cycle : extensions.getChildElementsByType(CamundaFailedJobRetryTimeCycle.class)) {
            if (cycle.getTextContent() != null && !cycle.getTextContent().isBlank()) {
                return cycle.getTextContent().strip();
            }
        }
        for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (TemplateRetryCycle.PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null
                        && !property.getCamundaValue().isBlank()) {
                    return property.getCamundaValue().strip();
                }
            }
        }
        return null;
    }
}
