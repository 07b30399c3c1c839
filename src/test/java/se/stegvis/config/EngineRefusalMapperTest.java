package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.context.WebApplicationContext;

/** The mapper's two jobs without a server: refusals by their status, and 500s without their message in production. */
class EngineRefusalMapperTest {

    @Test
    void findsTheRefusalUnderTheEnginesAndTheResourcesWrapping() {
        var mapper = mapper(false);
        var wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-03005 Exception while invoking TaskListener: x",
                        new ForbiddenException("fyra-ogon", "Du får inte attestera ditt eget beslut.")),
                "Cannot complete task 1: ...");

        assertThat(mapper.isMappable(wrapped)).isTrue();
        Response response = mapper.toResponse(wrapped);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat((String) response.getEntity()).contains("\"rule\":\"fyra-ogon\"",
                "\"message\":\"Du får inte attestera ditt eget beslut.\"", "\"type\":\"ForbiddenException\"");
    }

    @Test
    void leavesOtherErrorsToCamundaUnlessMessagesAreHidden() {
        var error = new RestException(Response.Status.INTERNAL_SERVER_ERROR, "Kunde inte läsa 18900101-1234");
        assertThat(mapper(false).isMappable(error)).isFalse();
        assertThat(mapper(false).isMappable(new InvalidRequestException(Response.Status.BAD_REQUEST, "x"))).isFalse();

        var hiding = mapper(true);
        assertThat(hiding.isMappable(new InvalidRequestException(Response.Status.BAD_REQUEST, "x")))
                .as("a 400 keeps Camunda's answer").isFalse();
        assertThat(hiding.isMappable(error)).isTrue();
        Response response = hiding.toResponse(error);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat((String) response.getEntity()).doesNotContain("18900101").contains("felkod");
    }

    @Test
    void twoPeopleClaimingTheSameTaskGetAConflictNotAServerError() {
        var claimRace = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new org.camunda.bpm.engine.TaskAlreadyClaimedException("task-1", "handlaggare2"), "Cannot claim task");
        var mapper = mapper(false);
        assertThat(mapper.isMappable(claimRace)).isTrue();
        Response response = mapper.toResponse(claimRace);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat((String) response.getEntity()).contains("redan tagits").doesNotContain("handlaggare2");

        var lost = new ProcessEngineException("x", new org.camunda.bpm.engine.OptimisticLockingException("UPDATE x"));
        assertThat(mapper.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, lost, "y")).getStatus())
                .isEqualTo(409);
    }

    @Test
    void aPasswordThePolicyRefusesIsTheCallersErrorNotTheServers() {
        // What SaveUserCmd throws when Admin or POST /engine-rest/user/create sets a weak password (seen as a 500).
        var weak = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("Password does not match policy"), "Cannot create user");
        for (boolean hide : new boolean[] {false, true}) {
            var mapper = mapper(hide);
            assertThat(mapper.isMappable(weak)).isTrue();
            Response response = mapper.toResponse(weak);
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat((String) response.getEntity()).contains("\"field\":\"password\"", "minst 10 tecken")
                    .doesNotContain("felkod");
        }
        assertThat(mapper(false).isMappable(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("Password hashing failed"), "x"))).as("other engine errors").isFalse();
    }

    private static EngineRefusalMapper.ForRestException mapper(boolean hide) {
        var mapper = new EngineRefusalMapper.ForRestException();
        ServletContext servlet = mock(ServletContext.class);
        WebApplicationContext spring = mock(WebApplicationContext.class);
        when(servlet.getAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE)).thenReturn(spring);
        when(spring.getEnvironment()).thenReturn(new MockEnvironment()
                .withProperty(EngineRefusalMapper.HIDE_PROPERTY, String.valueOf(hide)));
        mapper.servletContext = servlet;
        return mapper;
    }
}
