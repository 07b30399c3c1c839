package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.NORM_YEAR_AWAITED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.norm.process.RiksnormRequests;

/**
 * "Be processägaren lägga in riksnormen": the process owner gets a task to add the year the application waits for —
 * one for the year, however many applications wait for it. When the table has the year but lacks an amount the
 * household needs (a lower amount for a child who does not eat lunch at home), no task is started: the reason is shown
 * to the caseworker, and the application is tried again with the next deployment of the riksnorm.
 */
@Component
public class RequestRiksnormDelegate implements JavaDelegate {

    private final RiksnormRequests requests;

    public RequestRiksnormDelegate(RiksnormRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer year = EkonomisktBistandProcess.normYearAwaited(execution);
        if (year == null) {
            throw new IllegalStateException("Ansökan väntar på riksnormen men året saknas (" + NORM_YEAR_AWAITED + ")");
        }
        requests.requestYear(year);
    }
}
