package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.integration.arbetsformedlingen.InboundNotices;

/**
 * "Registrera uppföljning av beskedet": what the coach did about Arbetsförmedlingen's notice, recorded on the notice
 * (af_inbound_notice), once; a retried job changes nothing.
 */
@Component
public class RecordArbetsformedlingenFollowUpDelegate implements JavaDelegate {

    private final InboundNotices notices;

    public RecordArbetsformedlingenFollowUpDelegate(InboundNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.followedUp(optionalId(execution, AF_NOTICE_ID),
                ValidateArbetsformedlingenFollowUpListener.action(string(execution, AF_NOTICE_ACTION)),
                requiredString(execution, COMPLETED_BY));
    }
}
