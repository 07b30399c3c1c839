package se.stegvis.norm.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
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
 * <p>
 * Results are remembered per deployed version and input values: the tables read here (riksnorm, skälig
 * boendekostnad) are pure functions of their inputs, and a monthly calculation asks the same rows again and
 * again (evaluating a FEEL table costs far more than the lookup). A new deployment has a new id, so it is never
 * answered from an older version's results.
 */
@Component
public class DeployedDecisions {

    private final RepositoryService repositoryService;
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();
    private final Map<ResultKey, DmnDecisionResult> results = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ResultKey, DmnDecisionResult> eldest) {
                    return size() > REMEMBERED_RESULTS;
                }
            });

    private static final int REMEMBERED_RESULTS = 10_000;

    private record ResultKey(String definitionId, TreeMap<String, Object> inputs) {}

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
        ResultKey resultKey = new ResultKey(latest.getId(), new TreeMap<>(variables));
        DmnDecisionResult known = results.get(resultKey);
        if (known != null) {
            return known;
        }
        DmnDecision decision = parsed.computeIfAbsent(latest.getId(), id -> parse(id, key));
        DmnDecisionResult result = dmnEngine.evaluateDecision(decision, variables);
        results.put(resultKey, result);
        return result;
    }

    private DmnDecision parse(String definitionId, String key) {
        try (InputStream model = repositoryService.getDecisionModel(definitionId)) {
            return dmnEngine.parseDecision(key, model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read decision " + definitionId, e);
        }
    }
}
