package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.metrics.JourneyData.FollowUpConversation;

/**
 * {@link FollowUpHistory} reads the follow-up conversations from Camunda's history: due date, end time, and whether the
 * task was completed or cancelled. A stand-in for {@code klientresa} with only the task {@code UserTask_FollowUp}
 * (due in seven days, as {@code stegvis.journey.follow-up-grace}) keeps the test to what the reader sees.
 */
class FollowUpHistoryTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    static final Instant START = Instant.parse("2022-03-01T08:00:00Z");

    ProcessEngine processEngine;
    String deployment;

    @BeforeEach
    void deploy() {
        BpmnModelInstance standIn = Bpmn.createExecutableProcess(JourneyProcess.PROCESS_KEY).name("Klientresa (testets ersättare)")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_FollowUpStandIn").name("Dags för uppföljningssamtal")
                .userTask(JourneyProcess.TASK_FOLLOW_UP).name("Uppföljningssamtal").camundaDueDate("${due}")
                .endEvent("EndEvent_FollowUpStandIn").name("Uppföljning gjord")
                .done();
        deployment = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("klientresa-ersattare.bpmn", standIn).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        ClockUtil.reset();
        processEngine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void readsDueAndEndAndWhetherTheConversationWasHeld() {
        ClockUtil.setCurrentTime(Date.from(START));
        Date due = Date.from(START.plus(7, ChronoUnit.DAYS));
        ProcessInstance inTime = start(due);
        ProcessInstance late = start(due);
        ProcessInstance cancelled = start(due);
        ProcessInstance open = start(due);
        ProcessInstance notAJourney = start(due);

        at(START.plus(2, ChronoUnit.DAYS));
        completeTaskOf(inTime);
        processEngine.getRuntimeService().deleteProcessInstance(cancelled.getId(), "Ärendet avslutat");
        at(START.plus(9, ChronoUnit.DAYS));
        completeTaskOf(late);

        Map<String, UUID> journeyOf = new HashMap<>();
        for (ProcessInstance pi : List.of(inTime, late, cancelled, open)) {
            journeyOf.put(pi.getId(), UUID.randomUUID());
        }
        Map<UUID, FollowUpConversation> read = new HashMap<>();
        new FollowUpHistory(processEngine.getHistoryService()).conversations(journeyOf)
                .forEach(c -> read.put(c.journeyId(), c));

        assertThat(read).hasSize(4).doesNotContainKey(null);
        assertThat(read.get(journeyOf.get(inTime.getId()))).isEqualTo(new FollowUpConversation(
                journeyOf.get(inTime.getId()), due.toInstant(), START.plus(2, ChronoUnit.DAYS), true));
        assertThat(read.get(journeyOf.get(late.getId()))).isEqualTo(new FollowUpConversation(
                journeyOf.get(late.getId()), due.toInstant(), START.plus(9, ChronoUnit.DAYS), true));
        assertThat(read.get(journeyOf.get(cancelled.getId()))).satisfies(c -> {
            assertThat(c.completed()).isFalse();
            assertThat(c.ended()).isEqualTo(START.plus(2, ChronoUnit.DAYS));
        });
        assertThat(read.get(journeyOf.get(open.getId()))).satisfies(c -> {
            assertThat(c.ended()).isNull();
            assertThat(c.completed()).isFalse();
        });
        assertThat(notAJourney.getId()).isNotIn(journeyOf.keySet());
    }

    private ProcessInstance start(Date due) {
        return processEngine.getRuntimeService().startProcessInstanceByKey(JourneyProcess.PROCESS_KEY, Map.of("due", due));
    }

    private void completeTaskOf(ProcessInstance pi) {
        var task = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        processEngine.getTaskService().complete(task.getId());
    }

    private static void at(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }
}
