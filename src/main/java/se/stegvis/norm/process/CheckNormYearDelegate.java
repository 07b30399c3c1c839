package se.stegvis.norm.process;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.stegvis.norm.domain.RiksnormTable;

/** "Kontrollera riksnormen": does the deployed table answer for the year? Without a year, next calendar year. */
@Component
public class CheckNormYearDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckNormYearDelegate.class);

    private final RiksnormTable table;

    public CheckNormYearDelegate(RiksnormTable table) {
        this.table = table;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer year = RiksnormUpdateProcess.normYear(execution);
        if (year == null) {
            // The engine's clock, so that tests and simulations that move it are followed.
            year = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Clock.systemDefaultZone().getZone())
                    .getYear() + 1;
            RiksnormUpdateProcess.setNormYear(execution, year);
        }
        boolean present = table.hasYear(year);
        RiksnormUpdateProcess.setNormPresent(execution, present);
        log.info("Riksnorm for {} present: {}", year, present);
    }
}
