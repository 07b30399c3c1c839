package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.placement.process.PlacementProcess;
import se.stegvis.support.StegvisSpringTest;

/**
 * A note typed in a task form leaves the engine for Stegvis' table task_note and is shown to the next person of the
 * case (#13, #16): on PostgreSQL, through the real engine and the release's forms, with a case of two processes (a
 * call activity, as the journey calls its placements).
 */
@StegvisSpringTest
class TaskNoteTest {

    static final String CASE = "test-anteckningar-arende";
    static final String PART = "test-anteckningar-insats";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskNotes notes;

    Deployment deployment;

    @BeforeEach
    void deploy() {
        deployment = repository.createDeployment().name("test-anteckningar")
                .addModelInstance(PART + ".bpmn", Bpmn.createExecutableProcess(PART).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .userTask("Task_MidReview").name("Halvtidsuppföljning").camundaCandidateGroups("coach")
                        .camundaFormRef("halvtidsuppfoljning").camundaFormRefBinding("latest")
                        .endEvent().done())
                .addModelInstance(CASE + ".bpmn", Bpmn.createExecutableProcess(CASE).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .callActivity("CallActivity_Part").calledElement(PART)
                        .userTask("Task_MissedFollowUp").name("Följ upp missat uppföljningssamtal")
                        .camundaCandidateGroups("teamledare").camundaFormRef("missat-uppfoljningssamtal").camundaFormRefBinding("latest")
                        .userTask("Task_FollowUp").name("Uppföljningssamtal").camundaCandidateGroups("coach")
                        .camundaFormRef("uppfoljningssamtal").camundaFormRefBinding("latest")
                        .endEvent().done())
                .deploy();
    }

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aNoteLeavesTheEngineAndReachesTheNextPersonOfTheCase() {
        ProcessInstance theCase = runtime.startProcessInstanceByKey(CASE);
        Task midReview = tasks.createTaskQuery().processDefinitionKey(PART).singleResult();
        assertThat(tasks.getVariableLocal(midReview.getId(), TaskNotePlugin.NOTES))
                .isEqualTo("Inga anteckningar i ärendet än.");

        tasks.claim(midReview.getId(), "coach1");
        tasks.complete(midReview.getId(), Map.of(PlacementProcess.MID_REVIEW_NOTE, "  Trivs, vill gå vidare.  "));

        // Stored with the case (the outermost instance), the task and who wrote it; gone from the engine.
        assertThat(notes.of(theCase.getId())).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("Trivs, vill gå vidare.");
            assertThat(n.taskName()).isEqualTo("Halvtidsuppföljning");
            assertThat(n.writtenBy()).isEqualTo("coach1");
            assertThat(n.field()).isEqualTo(PlacementProcess.MID_REVIEW_NOTE);
            assertThat(n.processInstanceId()).isNotEqualTo(theCase.getId());
        });
        assertThat(runtime.getVariables(theCase.getId())).doesNotContainKey(PlacementProcess.MID_REVIEW_NOTE);
        assertThat(history.createHistoricVariableInstanceQuery().variableName(PlacementProcess.MID_REVIEW_NOTE)
                .processInstanceIdIn(theCase.getId(), midReview.getProcessInstanceId()).count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(midReview.getProcessInstanceId()).list())
                .noneMatch(d -> d.toString().contains("Trivs"));

        // The team leader's task shows it; their own note joins it for the coach's next conversation.
        Task missed = tasks.createTaskQuery().processInstanceId(theCase.getId()).singleResult();
        assertThat(tasks.<StringValue>getVariableLocalTyped(missed.getId(), TaskNotePlugin.NOTES).getValue())
                .contains("Halvtidsuppföljning (coach1):\nTrivs, vill gå vidare.");
        tasks.claim(missed.getId(), "teamledare1");
        tasks.complete(missed.getId(), Map.of(JourneyProcess.MISSED_ACTION, "Samtal bokat på torsdag.",
                TaskNotePlugin.NOTES, "skickat tillbaka av formuläret"));

        assertThat(runtime.getVariables(theCase.getId())).doesNotContainKeys(JourneyProcess.MISSED_ACTION,
                TaskNotePlugin.NOTES);
        Task followUp = tasks.createTaskQuery().processInstanceId(theCase.getId()).singleResult();
        String shown = tasks.<StringValue>getVariableLocalTyped(followUp.getId(), TaskNotePlugin.NOTES).getValue();
        assertThat(shown).contains("Trivs, vill gå vidare.", "Följ upp missat uppföljningssamtal (teamledare1):\n"
                + "Samtal bokat på torsdag.");
        assertThat(shown.indexOf("Trivs")).isLessThan(shown.indexOf("Samtal bokat"));
        assertThat(jdbc.queryForObject("select count(*) from task_note where root_process_instance_id = ?", Long.class,
                theCase.getId())).isEqualTo(2);
        // The shown notes are the task's own and never reach the history, where a manager or process owner with
        // history access could read them.
        assertThat(history.createHistoricVariableInstanceQuery().variableName(TaskNotePlugin.NOTES).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where TEXT_ like ? or TEXT2_ like ?",
                Long.class, "%Samtal bokat%", "%Samtal bokat%")).isZero();
    }

    @Test
    void notesOfRemovedCasesAreDeletedAndOthersKept() {
        ProcessInstance kept = runtime.startProcessInstanceByKey(CASE);
        Task midReview = tasks.createTaskQuery().processDefinitionKey(PART).singleResult();
        tasks.complete(midReview.getId(), Map.of(PlacementProcess.MID_REVIEW_NOTE, "Behålls."));
        jdbc.update("insert into task_note (id, root_process_instance_id, process_instance_id, task_id, task_name, field,"
                + " note, written_by, written_at) values (gen_random_uuid(), 'borttagen', 'borttagen', 'uppgift', 'X',"
                + " 'halvtidAnteckning', 'Gammal', 'coach1', now())");

        assertThat(notes.deleteOrphans()).isEqualTo(1);
        assertThat(notes.of("borttagen")).isEmpty();
        assertThat(notes.of(kept.getId())).extracting(TaskNotes.Note::text).containsExactly("Behålls.");
    }
}
