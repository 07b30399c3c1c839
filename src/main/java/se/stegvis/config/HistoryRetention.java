package se.stegvis.config;

import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start, every process and decision definition already deployed gets the configured history time to live
 * ({@link RetentionSettings#engineHistoryDays()}), so a changed records plan applies to every version; new
 * deployments get it from {@link HistoryRetentionPlugin}. Instances that ended before keep the removal time they got
 * at their end.
 *
 * <p>The process definitions to change are read from the engine's table ({@code ACT_RE_PROCDEF}, the name from the
 * engine), not with {@code createProcessDefinitionQuery()}: the engine's query parses the BPMN model of every
 * definition it returns to fill in its documentation, and at every start that was every version ever deployed (1.3 s
 * of a restart under load, BENCHMARKS.md "Start-up"). The change itself goes through the engine's API as before.
 */
@Component
public class HistoryRetention implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repository;
    private final ManagementService management;
    private final RetentionSettings settings;

    private final JdbcTemplate jdbc;

    public HistoryRetention(ProcessEngine engine, RetentionSettings settings, JdbcTemplate jdbc) {
        this.repository = engine.getRepositoryService();
        this.management = engine.getManagementService();
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        apply();
    }

    /** Returns how many definitions were changed. */
    public int apply() {
        Integer days = settings.engineHistoryDays();
        int changed = 0;
        String table = management.getTableName(ProcessDefinition.class);
        for (String id : jdbc.queryForList("select ID_ from " + table + " where HISTORY_TTL_ is null or HISTORY_TTL_ <> ?",
                String.class, days)) {
            repository.updateProcessDefinitionHistoryTimeToLive(id, days);
            changed++;
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
