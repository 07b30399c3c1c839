package se.stegvis.config;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level FULL, except that the fields of forms that carry personal data (a start form's personnummer) never
 * reach the history tables: the process removes them at once, and this keeps them from being recorded on the way.
 */
public class PersonalDataHistoryLevel implements HistoryLevel {

    public static final String NAME = "full-utan-personuppgifter";
    public static final int ID = 30;

    /** Variables never written to history. */
    private final Set<String> personalVariables;

    public PersonalDataHistoryLevel(Collection<String> personalVariables) {
        this.personalVariables = Set.copyOf(personalVariables);
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (entity instanceof VariableInstance variable && personalVariables.contains(variable.getName())) {
            return false;
        }
        return HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
