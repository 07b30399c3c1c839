package se.stegvis.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Registers {@link PersonalDataHistoryLevel} ({@code camunda.bpm.history-level} selects it by name) with the variables
 * the features name and the text fields of the forms: the release's forms, and every form a later deployment brings
 * (a deployer adds it to the {@link FormCatalog} before the engine stores it; forms deployed before a restart are read
 * back by {@link PersonalHistoryPurge} at start). Decision evaluations are recorded without their values
 * ({@link DecisionHistoryWithoutValues}), and the operation log of tasks outside every process is not written
 * ({@link HistoryWithoutTasksOutsideProcesses}).
 */
@Component
public class PersonalDataHistoryPlugin extends AbstractProcessEnginePlugin {

    private final List<PersonalFormFields> personalFormFields;
    private final FormCatalog forms = FormCatalog.fromClasspath();
    private PersonalDataHistoryLevel level;

    public PersonalDataHistoryPlugin(List<PersonalFormFields> personalFormFields) {
        this.personalFormFields = personalFormFields;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<HistoryLevel>() : new ArrayList<>(configuration.getCustomHistoryLevels());
        level = new PersonalDataHistoryLevel(
                personalFormFields.stream().flatMap(fields -> fields.names().stream()).toList(), forms::isText);
        levels.add(level);
        configuration.setCustomHistoryLevels(levels);
        // Decision evaluations are recorded without their inputs and outputs (the person's facts).
        configuration.setDmnHistoryEventProducer(new DecisionHistoryWithoutValues());
        // The history is written without the operation log of tasks outside every process (in place of the default
        // writer, before any other handler).
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        var handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<HistoryEventHandler>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new HistoryWithoutTasksOutsideProcesses());
        configuration.setCustomHistoryEventHandlers(handlers);
        var deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<Deployer>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(this::registerForms);
        configuration.setCustomPreDeployers(deployers);
    }

    private void registerForms(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName() != null && resource.getName().endsWith(".form") && resource.getBytes() != null) {
                forms.register(resource.getBytes());
            }
        }
    }

    /** The forms whose text fields stay out of history. */
    public FormCatalog forms() {
        return forms;
    }

    /** The history level (after the engine is built). */
    public PersonalDataHistoryLevel level() {
        return level;
    }
}
