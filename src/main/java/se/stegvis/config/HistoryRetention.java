package se.stegvis.config;

import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * At start, every process and decision definition already deployed gets the configured history time to live
 * ({@link RetentionSettings#engineHistoryDays()}), so a changed records plan applies to every version; new
 * deployments get it from {@link HistoryRetentionPlugin}. Instances that ended before keep the removal time they got
 * at their end.
 */
@Component
public class HistoryRetention implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repository;
    private final RetentionSettings settings;

    public HistoryRetention(ProcessEngine engine, RetentionSettings settings) {
        this.repository = engine.getRepositoryService();
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        apply();
    }

    /** Returns how many definitions were changed. */
    public int apply() {
        Integer days = settings.engineHistoryDays();
        int changed = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
            if (!Objects.equals(definition.getHistoryTimeToLive(), days)) {
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("History time to live {} days set on {} definitions (stegvis.retention.engine-history-days)", days,
                    changed);
        }
        return changed;
    }
}
