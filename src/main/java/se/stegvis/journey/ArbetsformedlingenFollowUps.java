package se.stegvis.journey;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import se.stegvis.config.ConflictException;
import se.stegvis.integration.arbetsformedlingen.InboundNoticeFollowUp;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;

/**
 * Arbetsförmedlingen's notice in the client's journey: the message {@value se.stegvis.journey.process.JourneyProcess#MESSAGE_AF_NOTICE}
 * starts "Besked från Arbetsförmedlingen" (an event sub-process of the journey until the exit, also during kartläggning
 * and planning), which gives the coach "Följ upp besked från Arbetsförmedlingen". The notice's id and description
 * stay local to that follow-up, so that several can run at once.
 */
@Service
public class ArbetsformedlingenFollowUps implements InboundNoticeFollowUp {

    private final JourneyRepository journeys;
    private final RuntimeService runtimeService;

    public ArbetsformedlingenFollowUps(JourneyRepository journeys, RuntimeService runtimeService) {
        this.journeys = journeys;
        this.runtimeService = runtimeService;
    }

    @Override
    public UUID startFollowUp(UUID noticeId, UUID clientId, String description) {
        Journey journey = journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV)
                .orElseThrow(() -> new ConflictException("personnummer", "Klienten har ingen pågående klientresa"
                        + " hos kompetensförsörjningskontoret; underrättelsen kan inte tas emot."));
        Map<String, Object> facts = new HashMap<>();
        facts.put(AF_NOTICE_ID, noticeId.toString());
        facts.put(AF_NOTICE_DESCRIPTION, description);
        // The coach's answer and who gave it belong to this follow-up, not to the whole journey.
        facts.put(AF_NOTICE_ACTION, null);
        facts.put(COMPLETED_BY, null);
        try {
            runtimeService.createMessageCorrelation(MESSAGE_AF_NOTICE).processInstanceBusinessKey(journey.getId().toString())
                    .setVariablesToTriggeredScope(facts).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("personnummer", "Klientresan avslutas och tar inte emot underrättelser.");
        }
        return journey.getId();
    }
}
