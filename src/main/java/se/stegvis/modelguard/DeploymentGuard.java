package se.stegvis.modelguard;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's guard on every new deployment, whoever makes it: {@code ModelDeployment} at start-up, {@code POST
 * /engine-rest/deployment/create}, Camunda Modeler, a redeployment. Runs before the engine's own deployers and refuses
 * the whole deployment ({@link ModelRefusedException}, HTTP 400 through the REST API) when any file breaks the
 * {@link CodeRules}; nothing of it is stored and nothing runs.
 *
 * <p>Deployments already in the database are not judged again when the engine reloads them into its cache: their
 * expressions are held by {@link ModelExpressionManager} at run time instead.
 */
public class DeploymentGuard implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(DeploymentGuard.class);

    private final ModelBeans beans;

    public DeploymentGuard(ModelBeans beans) {
        this.beans = beans;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<ModelViolation> violations = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            violations.addAll(CodeRules.check(new ModelResource(resource.getName(), resource.getBytes()), beans));
        }
        if (!violations.isEmpty()) {
            log.warn("Deployment '{}' refused by the model guard: {} violation(s), first: {}", deployment.getName(),
                    violations.size(), violations.get(0));
            throw new ModelRefusedException(violations);
        }
    }
}
