package se.stegvis.config;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's history retention from {@link RetentionSettings}: the history cleanup runs in the nightly batch window
 * (removal-time based: the history of a finished instance is removed {@code engineHistoryDays} after its end), every
 * process and decision definition a deployment brings gets the configured time to live whatever its model says, and a
 * model without one gets it too. Definitions deployed before are brought in line at start ({@link HistoryRetention}).
 */
@Component
public class HistoryRetentionPlugin extends AbstractProcessEnginePlugin {

    private final RetentionSettings settings;

    public HistoryRetentionPlugin(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryCleanupBatchWindowStartTime(settings.cleanupWindowStart());
        configuration.setHistoryCleanupBatchWindowEndTime(settings.cleanupWindowEnd());
        configuration.setHistoryCleanupStrategy(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
        configuration.setHistoryTimeToLive(settings.engineHistoryTimeToLive());
        configuration.setBatchOperationHistoryTimeToLive(settings.engineHistoryTimeToLive());
        var deployers = configuration.getCustomPostDeployers() == null
                ? new ArrayList<Deployer>() : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(this::timeToLive);
        configuration.setCustomPostDeployers(deployers);
    }

    /** A new deployment's definitions are stored with the configured time to live (before the engine writes them). */
    private void timeToLive(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        int days = settings.engineHistoryDays();
        var processes = deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
        if (processes != null) {
            processes.forEach(p -> p.setHistoryTimeToLive(days));
        }
        var decisions = deployment.getDeployedArtifacts(DecisionDefinitionEntity.class);
        if (decisions != null) {
            decisions.forEach(d -> d.setHistoryTimeToLive(days));
        }
    }

    public RetentionSettings settings() {
        return settings;
    }
}
