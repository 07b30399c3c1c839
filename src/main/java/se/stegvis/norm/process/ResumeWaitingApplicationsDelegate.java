package se.stegvis.norm.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Återuppta ansökningar som väntar på riksnormen": every process waiting for a year that the deployed riksnorm now
 * has goes on to its calculation; those whose year is still missing keep waiting.
 */
@Component
public class ResumeWaitingApplicationsDelegate implements JavaDelegate {

    private final RiksnormRequests requests;

    public ResumeWaitingApplicationsDelegate(RiksnormRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.resumeWaiting();
    }
}
