package se.stegvis.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's logged statements are bound to their values as MyBatis logged them (NationalScale's plans). */
class EnginePlansTest {

    @Test
    void bindsEachValueAsItsLiteral() {
        String sql = "select count(distinct RES.ID_) from ACT_RU_TASK RES where RES.ASSIGNEE_ = ? and A.USER_ID_ in ( ?, '*')"
                + " and A.GROUP_ID_ IN (?,?) and A.RESOURCE_TYPE_ = ? and RES.DUE_DATE_ < ? and RES.OWNER_ = ?";
        String bound = EnginePlans.bind(sql, "benchhandl2(String), benchhandl2(String), handlaggare(String),"
                + " o'brien(String), 7(Integer), 2026-12-01 08:00:00.0(Timestamp), null");

        assertThat(bound).isEqualTo("select count(distinct RES.ID_) from ACT_RU_TASK RES where RES.ASSIGNEE_ ="
                + " 'benchhandl2' and A.USER_ID_ in ( 'benchhandl2', '*') and A.GROUP_ID_ IN ('handlaggare','o''brien')"
                + " and A.RESOURCE_TYPE_ = 7 and RES.DUE_DATE_ < timestamp '2026-12-01 08:00:00.0' and RES.OWNER_ = null");
    }

    @Test
    void refusesWhenValuesAndPlaceholdersDoNotMatch() {
        assertThatThrownBy(() -> EnginePlans.bind("select ? , ?", "a(String)")).hasMessageContaining("fewer");
        assertThatThrownBy(() -> EnginePlans.bind("select ?", "a(String), b(String)")).hasMessageContaining("2 logged");
        assertThat(EnginePlans.bind("select 1", "")).isEqualTo("select 1");
    }

    @Test
    void readsTheStatementFromJsonAndTextLines() {
        String[] json = EnginePlans.loggerAndMessage("{\"@timestamp\":\"2026-12-01T08:53:03Z\",\"log\":{\"level\":"
                + "\"DEBUG\",\"logger\":\"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity."
                + "selectTaskCountByQueryCriteria\"},\"message\":\"==>  Preparing: select 1 where ? = 'x'\"}");
        assertThat(json).containsExactly("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity"
                + ".selectTaskCountByQueryCriteria", "==>  Preparing: select 1 where ? = 'x'");
        String[] text = EnginePlans.loggerAndMessage("08:00:00.000 DEBUG [/] o.c.b.e.i.p.e.T.selectTaskByQueryCriteria"
                + " - ==> Parameters: a(String)");
        assertThat(text).containsExactly("o.c.b.e.i.p.e.T.selectTaskByQueryCriteria", "==> Parameters: a(String)");
        assertThat(EnginePlans.loggerAndMessage("{\"message\":\"<==      Total: 1\"}")).isNull();
        assertThat(EnginePlans.loggerAndMessage("{\"log\":{\"logger\":\"x.TaskEntity.selectTaskCountByQueryCriteria\"},"
                + "\"process\":{\"thread\":{\"name\":\"scheduling-1\"}},\"message\":\"==> Parameters: a(String)\"}"))
                .as("a statement of the scheduler, not of the request").isNull();
        assertThat(EnginePlans.loggerAndMessage("{\"log\":{\"logger\":\"x.TaskEntity.selectTaskCountByQueryCriteria\"},"
                + "\"process\":{\"thread\":{\"name\":\"http-nio-8080-exec-4\"}},\"message\":\"==> Parameters: a(String)\"}"))
                .containsExactly("x.TaskEntity.selectTaskCountByQueryCriteria", "==> Parameters: a(String)");
        assertThat(EnginePlans.loggerAndMessage("Started StegvisApplication")).isNull();
    }

    @Test
    void marksWhereTheNextRequestsStatementsBegin(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("stegvis.log");
        Files.writeString(log, "08:00:00.000 DEBUG [/] o.c.b.e.i.p.e.T.selectTaskCountByQueryCriteria - ==>  Preparing:"
                + " select 1 where ? = 'x'\n");
        EnginePlans plans = new EnginePlans(log);

        assertThat(plans.mark()).isEqualTo(Files.size(log));
    }
}
