package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.WebappSession;

/**
 * Camunda's REST APIs read and write JSON with one shared mapper ({@link RestObjectMapper}), configured as Camunda's
 * own: the engine REST API and the webapps' engine API ask it, and the answers keep Camunda's format.
 */
@StegvisSpringTest
class RestObjectMapperTest {

    /** Camunda's date format in its REST API, e.g. {@code 2025-11-03T10:15:00.000+0100}. */
    static final String CAMUNDA_DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}";

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    final ObjectMapper json = new ObjectMapper();
    String taskId;

    @AfterEach
    void tearDown() {
        if (taskId != null) {
            taskService.deleteTask(taskId, true);
        }
    }

    @Test
    void bothRestApisUseTheSharedMapperAndKeepCamundasFormat() throws Exception {
        Task task = taskService.newTask("json-" + UUID.randomUUID());
        task.setName("Läs JSON");
        task.setDueDate(new Date(1_764_000_000_000L));
        taskService.saveTask(task);
        taskId = task.getId();
        Http http = new Http(port);

        long before = RestObjectMapper.REQUESTED.get();
        HttpResponse<String> one = http.get("/engine-rest/task/" + taskId, "admin");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        JsonNode read = json.readTree(one.body());
        assertThat(read.get("name").asText()).isEqualTo("Läs JSON");
        assertThat(read.get("created").asText()).matches(CAMUNDA_DATE);
        assertThat(read.get("due").asText()).isEqualTo(camundaDate(task.getDueDate()));
        assertThat(RestObjectMapper.REQUESTED.get()).as("the engine REST API asked the shared mapper")
                .isGreaterThan(before);

        // A query in the body (read with the mapper), sorted, and a HAL answer (written with it).
        HttpResponse<String> queried = http.postJson("/engine-rest/task?maxResults=10", "admin",
                "{\"taskId\":\"" + taskId + "\",\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
        assertThat(queried.statusCode()).as(queried.body()).isEqualTo(200);
        assertThat(json.readTree(queried.body()).get(0).get("id").asText()).isEqualTo(taskId);
        HttpResponse<String> hal = http.send(http.request("/engine-rest/task/" + taskId, "admin")
                .header("Accept", "application/hal+json").GET().build());
        assertThat(hal.statusCode()).as(hal.body()).isEqualTo(200);
        assertThat(json.readTree(hal.body()).get("_links").get("self").get("href").asText())
                .isEqualTo("/task/" + taskId);

        // The webapps' engine API (Tasklist's and Cockpit's) after a Tasklist login.
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", "admin", "demo")).isEqualTo(200);
        long beforeWebapp = RestObjectMapper.REQUESTED.get();
        HttpResponse<String> webapp = tasklist.get("/camunda/api/engine/engine/default/task/" + taskId,
                "application/json");
        assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(200);
        assertThat(json.readTree(webapp.body()).get("due").asText()).isEqualTo(camundaDate(task.getDueDate()));
        assertThat(RestObjectMapper.REQUESTED.get()).as("the webapps' engine API asked the shared mapper")
                .isGreaterThan(beforeWebapp);
    }

    @Test
    void oneMapperUntilCamundasDateFormatChanges() {
        RestObjectMapper resolver = new RestObjectMapper();
        ObjectMapper first = resolver.getContext(Object.class);
        assertThat(resolver.getContext(Task.class)).isSameAs(first);
        assertThat(new RestObjectMapper().getContext(Object.class)).as("shared by every instance").isSameAs(first);

        String format = JacksonConfigurator.dateFormatString;
        try {
            JacksonConfigurator.setDateFormatString("yyyy-MM-dd");
            ObjectMapper changed = resolver.getContext(Object.class);
            assertThat(changed).isNotSameAs(first);
            assertThat(((SimpleDateFormat) changed.getDateFormat()).toPattern()).isEqualTo("yyyy-MM-dd");
        } finally {
            JacksonConfigurator.setDateFormatString(format);
        }
        assertThat(((SimpleDateFormat) resolver.getContext(Object.class).getDateFormat()).toPattern())
                .isEqualTo(format);
    }

    private static String camundaDate(Date date) {
        return new SimpleDateFormat(JacksonConfigurator.DEFAULT_DATE_FORMAT).format(date);
    }
}
