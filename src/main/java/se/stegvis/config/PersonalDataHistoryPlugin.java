package se.stegvis.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/** Registers {@link PersonalDataHistoryLevel}; {@code camunda.bpm.history-level} selects it by name. */
@Component
public class PersonalDataHistoryPlugin extends AbstractProcessEnginePlugin {

    private final List<PersonalFormFields> personalFormFields;

    public PersonalDataHistoryPlugin(List<PersonalFormFields> personalFormFields) {
        this.personalFormFields = personalFormFields;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<HistoryLevel>() : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new PersonalDataHistoryLevel(
                personalFormFields.stream().flatMap(fields -> fields.names().stream()).toList()));
        configuration.setCustomHistoryLevels(levels);
    }
}
