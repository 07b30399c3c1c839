package se.stegvis.norm.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.stegvis.norm.domain.RiksnormTable;

/**
 * Notices every new version of the riksnorm tables, however it is deployed — by {@code ModelDeployment} at start-up,
 * through {@code POST /engine-rest/deployment/create} or from Camunda Modeler — and, once the deployment is committed,
 * starts {@code riksnorm-uppdatering} with {@link RiksnormUpdateProcess#MESSAGE_NORM_VERSION_DEPLOYED}, whose job lets
 * every application waiting for a year the table now has go on to its calculation.
 * <p>
 * A post-deployer of the engine (it sees the deployment in its own transaction); the start runs after the commit in a
 * transaction of its own, so that a failing start never undoes the process owner's deployment — it is logged, and the
 * waiting applications can still be resumed by completing the process owner's or the caseworker's task.
 */
@Component
public class RiksnormDeploymentListener extends AbstractProcessEnginePlugin implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(RiksnormDeploymentListener.class);
    /** The decisions whose new version may give a waiting application its year. */
    static final Set<String> RIKSNORM_DECISIONS = Set.of(RiksnormTable.PERSONAL_COSTS_DECISION,
            RiksnormTable.HOUSEHOLD_COSTS_DECISION, RiksnormTable.PRISBASBELOPP_DECISION);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(this);
        configuration.setCustomPostDeployers(deployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        // Also called when a deployment is only read into the cache again: only a new one counts.
        if (!deployment.isNew() || !hasRiksnorm(deployment.getDeployedDecisionDefinitions())) {
            return;
        }
        String deploymentId = deployment.getId();
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, context -> normVersionDeployed(deploymentId));
    }

    static boolean hasRiksnorm(List<DecisionDefinition> decisions) {
        return decisions != null && decisions.stream().anyMatch(d -> RIKSNORM_DECISIONS.contains(d.getKey()));
    }

    private void normVersionDeployed(String deploymentId) {
        try {
            Runnable start = () -> asTheSystem(() -> configuration.getRuntimeService()
                    .createMessageCorrelation(RiksnormUpdateProcess.MESSAGE_NORM_VERSION_DEPLOYED)
                    .correlateStartMessage());
            if (configuration instanceof SpringProcessEngineConfiguration spring
                    && spring.getTransactionManager() != null) {
                // After the commit the deployment's Spring transaction is still bound: start in a new one.
                inNewTransaction(spring.getTransactionManager(), start);
            } else {
                start.run();
            }
            log.info("Riksnorm deployment {}: waiting applications are resumed", deploymentId);
        } catch (RuntimeException e) {
            log.warn("Riksnorm deployment {}: could not start {} ({}); waiting applications go on when the process"
                    + " owner's task is completed", deploymentId, RiksnormUpdateProcess.PROCESS_KEY, e.toString());
        }
    }

    /**
     * The resumption is Stegvis's own doing, not the deploying user's: a process owner may deploy tables but has no
     * grant to start process instances, so the start runs without the deployer's authentication (the engine checks no
     * authorizations then), and the authentication is restored afterwards.
     */
    private void asTheSystem(Runnable action) {
        IdentityService identity = configuration.getIdentityService();
        Authentication deployer = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            action.run();
        } finally {
            if (deployer != null) {
                identity.setAuthentication(deployer);
            }
        }
    }

    private static void inNewTransaction(PlatformTransactionManager transactionManager, Runnable action) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.executeWithoutResult(status -> action.run());
    }
}
