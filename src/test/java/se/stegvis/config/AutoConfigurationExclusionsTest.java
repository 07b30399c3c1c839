package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.web.client.RestClient;
import se.stegvis.support.StegvisSpringTest;

/**
 * The auto-configurations Stegvis leaves out for a shorter start ({@code StegvisApplication}) stay out, and nothing
 * asks for what they would have made: the whole application (this shared context) starts and serves without it.
 */
@StegvisSpringTest
class AutoConfigurationExclusionsTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void theUnusedAutoConfigurationsAreLeftOutAndNothingNeedsThem() {
        var report = ConditionEvaluationReport.get(context.getBeanFactory());
        assertThat(report.getExclusions()).contains(
                "org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.web.SpringDataWebAutoConfiguration",
                "org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration",
                "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
                "org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration",
                "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
                "org.springframework.boot.autoconfigure.transaction.jta.JtaAutoConfiguration");
        assertThat(context.getBeanNamesForType(RestTemplateBuilder.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RestClient.Builder.class)).isEmpty();
        assertThat(context.getBeanNamesForType(PageableHandlerMethodArgumentResolver.class)).isEmpty();
        // What is still wanted is there: the engine, JPA's transactions, the scheduler of the daily jobs.
        assertThat(context.getBeanNamesForType(org.camunda.bpm.engine.ProcessEngine.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(org.springframework.transaction.PlatformTransactionManager.class)).isNotEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.scheduling.TaskScheduler.class)).isNotEmpty();
    }
}
