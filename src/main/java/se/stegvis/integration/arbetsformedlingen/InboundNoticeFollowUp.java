package se.stegvis.integration.arbetsformedlingen;

import java.util.UUID;

/**
 * Gives the client's coach a task for a notice from Arbetsförmedlingen: the port the journey implements
 * ({@code journey.ArbetsformedlingenFollowUps}), so that this integration knows no journey.
 */
public interface InboundNoticeFollowUp {

    /**
     * Starts the follow-up of the notice in the client's active journey and returns the journey's id.
     *
     * @param description what AF said, without personal data, as the coach's task shows it
     * @throws se.stegvis.config.ConflictException when the client has no journey that can take it
     */
    UUID startFollowUp(UUID noticeId, UUID clientId, String description);
}
