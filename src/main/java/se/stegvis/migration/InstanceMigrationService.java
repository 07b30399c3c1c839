package se.stegvis.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;

/**
 * Moves running process instances from an older version of a process to a newer one with Camunda's migration API
 * (community edition): which instances are on older versions; a plan that maps every activity with the same id
 * ({@code mapEqualActivities}) plus the process owner's own mappings for renamed or replaced elements; what maps and
 * which running activities do not; validation; and the migration itself as a batch that the job executor runs.
 * A plan that cannot be carried out is refused with the reason (activities named by id and name).
 */
@Service
public class InstanceMigrationService {

    /** One mapping the process owner gives: an activity of the old version onto one of the new. */
    public record Mapping(String from, String to) {}

    /** A version of a process definition. */
    public record Version(String id, int version, String versionTag, long runningInstances) {}

    /** A process with its latest version and the older versions that still have running instances. */
    public record ProcessVersions(String key, String name, Version latest, List<Version> older) {}

    /** One instruction of the plan, with the activities' names. */
    public record Instruction(String from, String fromName, String to, String toName) {}

    /** An activity of the old version that running instances are in, and that the plan does not map. */
    public record Unmapped(String activityId, String name, long runningInstances) {}

    /** An activity of the new version, offered as a target for the process owner's own mappings. */
    public record Activity(String id, String name) {}

    /** The plan, what it leaves out, the new version's activities, and (when carried out) the batch. */
    public record Plan(String processDefinitionKey, Version from, Version to, List<Instruction> instructions,
                       List<Unmapped> unmapped, List<Activity> targetActivities, long instances, boolean valid,
                       List<String> problems, String batchId) {}

    private final RepositoryService repository;
    private final RuntimeService runtime;

    public InstanceMigrationService(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    /** Every process whose older versions still have running instances, latest first. */
    public List<ProcessVersions> overview() {
        Map<String, List<ProcessDefinition>> byKey = new TreeMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            byKey.computeIfAbsent(definition.getKey(), k -> new ArrayList<>()).add(definition);
        }
        List<ProcessVersions> result = new ArrayList<>();
        byKey.forEach((key, definitions) -> {
            definitions.sort(Comparator.comparingInt(ProcessDefinition::getVersion).reversed());
            ProcessDefinition latest = definitions.get(0);
            List<Version> older = definitions.stream().skip(1).map(this::version)
                    .filter(v -> v.runningInstances() > 0).toList();
            result.add(new ProcessVersions(key, latest.getName(), version(latest), older));
        });
        return result;
    }

    /**
     * Builds the plan from {@code fromVersion} to {@code toVersion} (the latest when null) and checks it against the
     * running instances of the old version (all, or those named); with {@code execute} it also starts the migration batch, which is refused (409) while a
     * running instance sits in an activity the plan does not map.
     */
    public Plan plan(String key, Integer fromVersion, Integer toVersion, List<Mapping> mappings,
                     List<String> processInstanceIds, boolean execute) {
        if (key == null || key.isBlank()) {
            throw new InvalidRequestException("processDefinitionKey", "Ange processens nyckel, t.ex. ekonomiskt-bistand.");
        }
        if (fromVersion == null) {
            throw new InvalidRequestException("fromVersion", "Ange vilken version instanserna ska flyttas från.");
        }
        ProcessDefinition source = definition(key, fromVersion, "fromVersion");
        ProcessDefinition target = toVersion == null ? latest(key) : definition(key, toVersion, "toVersion");
        if (target.getVersion() <= source.getVersion()) {
            throw new InvalidRequestException("toVersion", "Instanser flyttas till en nyare version: version "
                    + target.getVersion() + " är inte nyare än version " + source.getVersion() + ".");
        }
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
        List<Mapping> own = mappings == null ? List.of() : mappings;
        for (int i = 0; i < own.size(); i++) {
            Mapping m = own.get(i);
            if (m == null || blank(m.from()) || !(sourceModel.getModelElementById(m.from()) instanceof FlowNode)) {
                throw new InvalidRequestException("mappings[" + i + "].from", "Version " + source.getVersion()
                        + " har ingen aktivitet med id \"" + (m == null ? null : m.from()) + "\".");
            }
            if (blank(m.to()) || !(targetModel.getModelElementById(m.to()) instanceof FlowNode)) {
                throw new InvalidRequestException("mappings[" + i + "].to", "Version " + target.getVersion()
                        + " har ingen aktivitet med id \"" + m.to() + "\".");
            }
        }

        MigrationPlan plan = build(source, target, own);
        Map<String, String> mapped = new LinkedHashMap<>();
        List<Instruction> instructions = new ArrayList<>();
        for (MigrationInstruction instruction : plan.getInstructions()) {
            mapped.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
            instructions.add(new Instruction(instruction.getSourceActivityId(), name(sourceModel, instruction.getSourceActivityId()),
                    instruction.getTargetActivityId(), name(targetModel, instruction.getTargetActivityId())));
        }

        var query = runtime.createProcessInstanceQuery().processDefinitionId(source.getId());
        if (processInstanceIds != null) {
            if (processInstanceIds.isEmpty()) {
                throw new InvalidRequestException("processInstanceIds", "Ange minst en instans, eller utelämna fältet för alla.");
            }
            query = query.processInstanceIds(new java.util.HashSet<>(processInstanceIds));
        }
        List<ProcessInstance> instances = query.list();
        if (processInstanceIds != null && instances.size() != new java.util.HashSet<>(processInstanceIds).size()) {
            Set<String> found = new java.util.HashSet<>();
            instances.forEach(pi -> found.add(pi.getId()));
            throw new InvalidRequestException("processInstanceIds", "Dessa instanser är inte pågående instanser av version "
                    + source.getVersion() + ": " + processInstanceIds.stream().filter(id -> !found.contains(id)).toList());
        }
        Map<String, Long> unmappedCounts = new TreeMap<>();
        for (ProcessInstance instance : instances) {
            Set<String> active = new LinkedHashSet<>();
            collectActivities(runtime.getActivityInstance(instance.getId()), active);
            for (String activity : active) {
                if (!mapped.containsKey(activity) && !activity.equals(source.getId())) {
                    unmappedCounts.merge(activity, 1L, Long::sum);
                }
            }
        }
        List<Unmapped> unmapped = unmappedCounts.entrySet().stream()
                .map(e -> new Unmapped(e.getKey(), name(sourceModel, e.getKey()), e.getValue())).toList();
        List<String> problems = new ArrayList<>();
        for (Unmapped u : unmapped) {
            problems.add(u.runningInstances() + " instans(er) står i \"" + u.name() + "\" (" + u.activityId()
                    + "), som inte har någon motsvarighet i version " + target.getVersion()
                    + ". Mappa aktiviteten till en aktivitet i den nya versionen.");
        }
        if (instances.isEmpty()) {
            problems.add("Inga pågående instanser av version " + source.getVersion() + " att flytta.");
        }
        boolean valid = problems.isEmpty();

        String batchId = null;
        if (execute) {
            if (!valid) {
                throw new ConflictException(instances.isEmpty() ? "fromVersion" : "mappings", String.join(" ", problems));
            }
            Batch batch = runtime.newMigration(plan)
                    .processInstanceIds(instances.stream().map(ProcessInstance::getId).toList())
                    .executeAsync();
            batchId = batch.getId();
        }
        List<Activity> targetActivities = targetModel.getModelElementsByType(FlowNode.class).stream()
                .map(node -> new Activity(node.getId(), name(targetModel, node.getId())))
                .sorted(Comparator.comparing(Activity::name)).toList();
        return new Plan(key, version(source), version(target), instructions, unmapped, targetActivities,
                instances.size(), valid, problems, batchId);
    }

    private MigrationPlan build(ProcessDefinition source, ProcessDefinition target, List<Mapping> own) {
        MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
        Set<String> ownSources = new LinkedHashSet<>();
        own.forEach(m -> ownSources.add(m.from()));
        for (Mapping m : own) {
            builder = builder.mapActivities(m.from(), m.to());
        }
        try {
            return builder.build();
        } catch (MigrationPlanValidationException e) {
            throw new InvalidRequestException("mappings", describe(e));
        } catch (BadUserRequestException e) {
            throw new InvalidRequestException("mappings", "Planen kunde inte byggas: " + e.getMessage());
        }
    }

    /** The engine's reasons, one sentence per refused instruction. */
    static String describe(MigrationPlanValidationException e) {
        List<String> reasons = new ArrayList<>();
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
            MigrationInstruction instruction = report.getMigrationInstruction();
            reasons.add(instruction.getSourceActivityId() + " → " + instruction.getTargetActivityId() + ": "
                    + String.join("; ", report.getFailures()));
        }
        for (Map.Entry<String, MigrationVariableValidationReport> variable
                : e.getValidationReport().getVariableReports().entrySet()) {
            reasons.add("variabeln " + variable.getKey() + ": " + String.join("; ", variable.getValue().getFailures()));
        }
        return "Camunda godtar inte planen: " + (reasons.isEmpty() ? e.getMessage() : String.join(" | ", reasons));
    }

    private ProcessDefinition definition(String key, int version, String field) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
                throw new NotFoundException("Det finns ingen process med nyckeln " + key + ".");
            }
            throw new NotFoundException("Processen " + key + " har ingen version " + version + " (" + field + ").");
        }
        return definition;
    }

    private ProcessDefinition latest(String key) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
        if (latest == null) {
            throw new NotFoundException("Det finns ingen process med nyckeln " + key + ".");
        }
        return latest;
    }

    private Version version(ProcessDefinition definition) {
        return new Version(definition.getId(), definition.getVersion(), definition.getVersionTag(),
                runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count());
    }

    private static void collectActivities(ActivityInstance instance, Set<String> into) {
        if (instance == null) {
            return;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            into.add(child.getActivityId());
            collectActivities(child, into);
        }
        for (var transition : instance.getChildTransitionInstances()) {
            into.add(transition.getActivityId());
        }
    }

    private static String name(BpmnModelInstance model, String activityId) {
        var element = model.getModelElementById(activityId);
        if (element instanceof FlowNode node && node.getName() != null && !node.getName().isBlank()) {
            return node.getName().replaceAll("\\s+", " ").strip();
        }
        return activityId;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
