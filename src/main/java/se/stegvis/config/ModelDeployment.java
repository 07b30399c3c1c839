package se.stegvis.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} and {@code forms/} (packaged into the jar) when the engine has been built,
 * before the job executor starts. Only what changed becomes a new version: a restart without changes deploys nothing.
 * The starter's own auto-deployment is switched off because it redeploys every resource when one of them changes.
 * The patterns are {@code camunda.bpm.deployment-resource-pattern}; forms are named there explicitly.
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

    public static final String DEPLOYMENT_NAME = "stegvis";
    private static final String[] MODEL_FOLDERS = {"processes/", "forms/"};
    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final CamundaBpmProperties properties;

    public ModelDeployment(CamundaBpmProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        Map<String, Resource> models = findModels();
        if (models.isEmpty()) {
            throw new IllegalStateException("No models found with " + String.join(", ",
                    properties.getDeploymentResourcePattern()));
        }
        DeploymentBuilder builder = processEngine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        models.forEach((name, resource) -> {
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read model " + name, e);
            }
        });
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        log.info("Models: {} found, deployment {} ({} process definitions, {} decisions new)", models.size(),
                deployment.getId(), sizeOf(deployment.getDeployedProcessDefinitions()),
                sizeOf(deployment.getDeployedDecisionDefinitions()));
    }

    /** Resource name (e.g. {@code processes/riksnorm.dmn}) to resource, in a stable order. */
    Map<String, Resource> findModels() {
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        Map<String, Resource> models = new TreeMap<>();
        for (String pattern : properties.getDeploymentResourcePattern()) {
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    models.put(nameOf(resource), resource);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot resolve " + pattern, e);
            }
        }
        return models;
    }

    private static String nameOf(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        for (String folder : MODEL_FOLDERS) {
            int at = url.lastIndexOf("/" + folder);
            if (at >= 0) {
                return url.substring(at + 1);
            }
        }
        return resource.getFilename();
    }

    private static int sizeOf(java.util.List<?> list) {
        return list == null ? 0 : list.size();
    }
}
