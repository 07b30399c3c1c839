package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.norm.process.CheckNormYearDelegate;
import se.stegvis.norm.process.RiksnormUpdateProcess;
import se.stegvis.support.StegvisSpringTest;

/** Delegate work logs with the process instance and the business key in the MDC (ids only, no personal data). */
@StegvisSpringTest
class LoggingContextTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Test
    void delegateLogLinesCarryProcessInstanceAndBusinessKey() {
        Logger logger = (Logger) LoggerFactory.getLogger(CheckNormYearDelegate.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            var pi = runtimeService.createMessageCorrelation(RiksnormUpdateProcess.MESSAGE_CHECK_REQUESTED)
                    .processInstanceBusinessKey("MDC-1")
                    .setVariable(RiksnormUpdateProcess.VAR_NORM_YEAR, 2024)
                    .correlateStartMessage();
            var job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
            managementService.executeJob(job.getId());

            assertThat(appender.list).isNotEmpty();
            var mdc = appender.list.get(0).getMDCPropertyMap();
            assertThat(mdc).containsEntry("processInstanceId", pi.getId()).containsEntry("businessKey", "MDC-1");
        } finally {
            logger.detachAppender(appender);
        }
    }
}
