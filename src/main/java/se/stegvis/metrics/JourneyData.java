package se.stegvis.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.stegvis.journey.domain.ExitFollowUp;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.placement.domain.Placement;

/**
 * What the journey's key figures are computed from, loaded once ({@link JourneyDataLoader}).
 *
 * @param mapped      journey id → the day of its first kartläggning
 * @param planAgreed  journey id → the day a version of its plan was first agreed with the client
 * @param assessments every step assessment, oldest first (by day, then by when it was recorded)
 * @param followUps   every follow-up conversation (Uppföljningssamtal) from Camunda's history
 * @param assisted    month → clients of the households with assistance in that month (docs/nyckeltal.md, terms)
 */
record JourneyData(List<Journey> journeys, Map<UUID, LocalDate> mapped, Map<UUID, LocalDate> planAgreed,
                   List<Placement> placements, List<StepAssessment> assessments, List<JourneyExit> exits,
                   List<ExitFollowUp> exitFollowUps, List<FollowUpConversation> followUps,
                   Map<YearMonth, Set<UUID>> assisted) {

    /**
     * One Uppföljningssamtal task: its journey, when it was due, when it ended (null while open) and whether it
     * ended by being completed (held) rather than cancelled with the journey.
     */
    record FollowUpConversation(UUID journeyId, Instant due, Instant ended, boolean completed) {}
}
