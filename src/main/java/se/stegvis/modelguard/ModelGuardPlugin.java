package se.stegvis.modelguard;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Puts the model guard into the engine: the {@link DeploymentGuard} before the engine's own deployers, and the
 * {@link ModelExpressionManager}, which resolves only Stegvis' registered delegates and listeners, instead of the
 * Spring starter's, which resolves every bean of the application context and calls any method.
 */
@Component
public class ModelGuardPlugin extends AbstractProcessEnginePlugin {

    private final RegisteredBeans beans;

    public ModelGuardPlugin(ApplicationContext context) {
        this.beans = new RegisteredBeans(context);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new ModelExpressionManager(beans));
        var deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<Deployer>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(0, new DeploymentGuard(beans));
        configuration.setCustomPreDeployers(deployers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // No other plugin may have put a wider expression language back.
        if (!(configuration.getExpressionManager() instanceof ModelExpressionManager)) {
            throw new IllegalStateException("The engine's expression manager was replaced after the model guard set it: "
                    + configuration.getExpressionManager().getClass().getName());
        }
    }

    public RegisteredBeans beans() {
        return beans;
    }
}
