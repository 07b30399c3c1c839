package se.stegvis.norm.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates the newest deployed version of a decision table, as {@code DecisionService.evaluateDecisionByKey} does,
 * but without writing a historic decision instance per evaluation: a calculation evaluates a table once per person,
 * and the public trial calculation must not fill the history with anonymous rows. The result lines name the rules
 * instead. Each deployed version is parsed once (a deployed version never changes); which version is the newest is
 * asked of the repository on every evaluation, so a process owner's new deployment counts at once.
 */
@Component
public class DeployedDecisions {

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    public DeployedDecisions(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Evaluates the newest version of the decision {@code key} with the given input variables. */
    public DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(key).latestVersion().withoutTenantId().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Beslutstabellen " + key + " är inte driftsatt.");
        }
        DmnDecision decision = parsed.computeIfAbsent(latest.getId(), id -> parse(id, key));
        return dmnEngine.evaluateDecision(decision, variables);
    }

    private DmnDecision parse(String definitionId, String key) {
        try (InputStream model = repositoryService.getDecisionModel(definitionId)) {
            return dmnEngine.parseDecision(key, model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read decision " + definitionId, e);
        }
    }
}
