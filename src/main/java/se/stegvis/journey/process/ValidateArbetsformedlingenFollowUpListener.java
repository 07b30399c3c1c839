package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.integration.arbetsformedlingen.InboundNotice;

/**
 * On completing "Följ upp besked från Arbetsförmedlingen": refuses (400 naming {@value JourneyProcess#AF_NOTICE_ACTION})
 * a completion without one of the actions the form offers.
 */
@Component
public class ValidateArbetsformedlingenFollowUpListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        action(string(task, AF_NOTICE_ACTION));
    }

    static InboundNotice.Action action(String value) {
        String allowed = Arrays.stream(InboundNotice.Action.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(AF_NOTICE_ACTION, "Välj vad som görs med beskedet (" + allowed + ").");
        }
        try {
            return InboundNotice.Action.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(AF_NOTICE_ACTION, "Okänt val \"" + value + "\". Tillåtna: " + allowed + ".");
        }
    }
}
