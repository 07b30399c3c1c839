package se.stegvis.config;

import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of an asynchronous service or send task placed with one of Stegvis' element templates
 * ({@code .camunda/element-templates/}). Camunda Modeler's element templates for Camunda 7 cannot write the
 * extension element {@code camunda:failedJobRetryTimeCycle}; they can write an extension property. A template's
 * retry field is therefore the property {@value #PROPERTY} (e.g. {@code R3/PT5M}), and this parse listener gives it
 * the same meaning as the extension element. An explicit {@code camunda:failedJobRetryTimeCycle} wins.
 */
@Component
public class TemplateRetryCycle extends AbstractProcessEnginePlugin {

    /** The extension property ({@code camunda:properties/camunda:property/@name}) that holds the retry cycle. */
    public static final String PROPERTY = "failedJobRetryTimeCycle";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new java.util.ArrayList<>() : new java.util.ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new Listener(configuration));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** The retry cycle an element's extension properties name, or null. */
    public static String retryCycleProperty(Element element) {
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return null;
        }
        for (Element properties : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties")) {
            for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                String value = property.attribute("value");
                if (PROPERTY.equals(property.attribute("name")) && value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
        }
        return null;
    }

    private static final class Listener extends AbstractBpmnParseListener {

        private final ProcessEngineConfigurationImpl configuration;

        Listener(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            apply(element, activity);
        }

        @Override
        public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            apply(element, activity);
        }

        private void apply(Element element, ActivityImpl activity) {
            if (activity.getProperties().get(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION) != null) {
                return;
            }
            String cycle = retryCycleProperty(element);
            if (cycle != null) {
                ExpressionManager expressions = configuration.getExpressionManager();
                activity.getProperties().set(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION,
                        new FailedJobRetryConfiguration(expressions.createExpression(cycle)));
            }
        }
    }
}
