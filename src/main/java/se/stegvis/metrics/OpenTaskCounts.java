package se.stegvis.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open tasks for {@link OperationalMetrics}, counted with one statement per figure instead of one engine task query
 * per candidate group and per (process, user task) pair: at a nation's 150 000 open tasks each of those 29 counts
 * read the task table anew (30–120 ms each, 1.2 s of the database's time a round), every half minute, on the same two
 * cores as the caseworkers' requests (BENCHMARKS.md, "Why the single slow samples are slow"; now 0.3 s). The
 * statements read the engine's tables by the names the engine
 * gives ({@link ManagementService#getTableName}) and give the same numbers as the engine's queries they replace
 * ({@code OpenTaskCountsTest} compares them):
 * <ul>
 *   <li>{@link #perCandidateGroups}: per entry, {@code createTaskQuery().taskCandidateGroupIn(groups)
 *       .includeAssignedTasks().count()} on a thread without authorization checks — the distinct tasks with a
 *       candidate link to one of the groups, assigned or not, active or suspended. Each entry is a branch of its own,
 *       so a task linked to two of an entry's groups counts once, as in the engine's {@code count(distinct RES.ID_)}.
 *       A link's task always exists (the engine's foreign key {@code ACT_FK_TSKASS_TASK}), so the links alone are
 *       counted.</li>
 *   <li>{@link #perTaskType}: {@code createTaskQuery().processDefinitionKey(key).taskDefinitionKey(task).count()} for
 *       every pair at once: the tasks of every version of the process with that task definition key.</li>
 * </ul>
 */
@Component
public class OpenTaskCounts {

    /** A process's user task: the process definition key and the task definition key. */
    public record TaskType(String processKey, String taskKey) {}

    private final JdbcTemplate jdbc;
    private final ManagementService management;

    public OpenTaskCounts(JdbcTemplate jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.management = management;
    }

    /**
     * For each name, the open tasks with a candidate link to any of its groups (each list non-empty); the names in
     * the order given. One statement: a {@code union all} of one count per name.
     */
    public Map<String, Long> perCandidateGroups(Map<String, ? extends Collection<String>> groupsByName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (groupsByName.isEmpty()) {
            return counts;
        }
        String links = management.getTableName(IdentityLinkEntity.class); // no API type names this table
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        int branch = 0;
        for (var entry : groupsByName.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw new IllegalArgumentException("no groups for " + entry.getKey());
            }
            counts.put(entry.getKey(), 0L);
            sql.append(branch == 0 ? "" : " union all ")
                    .append("select ").append(branch).append(" as BRANCH_, count(distinct I.TASK_ID_) as OPEN_ from ")
                    .append(links).append(" I where I.TYPE_ = 'candidate' and I.TASK_ID_ is not null and I.GROUP_ID_ in (")
                    .append(String.join(", ", entry.getValue().stream().map(g -> "?").toList())).append(")");
            args.addAll(entry.getValue());
            branch++;
        }
        List<String> names = new ArrayList<>(counts.keySet());
        jdbc.query(sql.toString(), rs -> {
            counts.put(names.get(rs.getInt("BRANCH_")), rs.getLong("OPEN_"));
        }, args.toArray());
        return counts;
    }

    /** The open tasks of every (process definition key, task definition key) that has any; absent pairs have none. */
    public Map<TaskType, Long> perTaskType() {
        String tasks = management.getTableName(Task.class);
        String definitions = management.getTableName(ProcessDefinition.class);
        Map<TaskType, Long> counts = new HashMap<>();
        jdbc.query("select D.KEY_ as PROCESS_KEY_, T.TASK_DEF_KEY_ as TASK_KEY_, count(*) as OPEN_ from " + tasks
                + " T inner join " + definitions + " D on D.ID_ = T.PROC_DEF_ID_ group by D.KEY_, T.TASK_DEF_KEY_", rs -> {
            counts.merge(new TaskType(rs.getString("PROCESS_KEY_"), rs.getString("TASK_KEY_")), rs.getLong("OPEN_"),
                    Long::sum);
        });
        return counts;
    }
}
