package se.stegvis.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import se.stegvis.activity.ActivityRequirementStatus;

/**
 * A journey at a glance, for the coach's and the caseworker's tools: status and phase, the current plan version,
 * the placements, the latest step assessment, the open sanctions, the exit, what is waiting in Tasklist and the
 * client's status under the aktivitetskrav. Ids and facts; no name, no personnummer.
 */
public record JourneyOverview(
        UUID id,
        UUID clientId,
        String status,
        String statusLabel,
        Instant startedAt,
        String startedBy,
        Instant endedAt,
        String phase,
        String phaseLabel,
        Instant mappedAt,
        Plan plan,
        List<PlacementSummary> placements,
        StepSummary latestStep,
        List<SanctionSummary> openSanctions,
        List<SanctionSummary> decidedSanctions,
        Exit exit,
        List<OpenTask> openTasks,
        ActivityRequirementStatus activityRequirement,
        SfiRightSummary sfiRight) {

    /** Where a sanction's letters are read ({@code GET /api/sanktioner/{id}/brev} and {@code /kommunicering}). */
    public static final String SANCTIONS = "/api/sanktioner";

    /**
     * The plan's current version; with the aktivitetskrav its activities (category, intervention, hours per week), the
     * job-search hours, the required and planned hours and a reason to deviate (all null/empty for older versions).
     */
    public record Plan(UUID planId, int version, String goal, String goalLabel, String occupation,
                       List<String> interventions, List<Step> steps, Instant agreedWithClientAt, String changeReason,
                       List<Activity> activities, Integer jobSearchHoursPerWeek, Integer requiredHoursPerWeek,
                       Integer plannedHoursPerWeek, String deviationReason) {}

    /**
     * An activity of the plan under the aktivitetskrav; {@code provider} is the one the matching chose for the placement
     * it comes from (null until then, and for job search).
     */
    public record Activity(String category, String categoryLabel, String placementType, int hoursPerWeek,
                           Provider provider) {}

    public record Step(String description, LocalDate dueDate) {}

    /**
     * status: BEGARD (waiting for a provider), MATCHAD (provider found, not started), PAGAR, AVSLUTAD;
     * sfiFirstAdmission: the client's first SFI admission as recorded in this placement (SFI placements only);
     * interruptionGround: why an interrupted placement ended (AVBOJD, UTAN_GODTAGBART_SKAL, GODTAGBART_SKAL), not the
     * coach's words.
     */
    public record PlacementSummary(UUID id, String type, String typeLabel, String status, Provider provider,
                                   LocalDate requestedOn, LocalDate matchedOn, LocalDate startDate, LocalDate endDate,
                                   String outcome, String outcomeLabel, LocalDate switchedToFlexSfiOn,
                                   LocalDate sfiFirstAdmission, String interruptionGround) {}

    /**
     * The client's right to SFI (three years from the first admission; for admissions before 2026 from 2026-01-01):
     * rightEnds is its last day (with the extensions), active whether it still holds today; nextExtensionLimit the
     * furthest the next extension may reach (null when no more is possible); followUpOn the day the coach is told.
     */
    public record SfiRightSummary(LocalDate firstAdmission, LocalDate countedFrom, LocalDate rightEnds, boolean active,
                                  List<LocalDate> extensions, LocalDate nextExtensionLimit, LocalDate latestPossibleEnd,
                                  LocalDate followUpOn) {}

    public record Provider(UUID id, String name, String kind) {}

    public record StepSummary(int level, String label, LocalDate assessedOn, String coach, String reason) {}

    /**
     * status: FORESLAGEN, KOMMUNICERAD, BESLUTAD; reductionMonth only for an upheld one. communicationLetter and
     * decisionLetter: where the kommunicering and the decision letter (PDF) are read, once they exist.
     * underActivityRequirement: proposed for a client covered by the aktivitetskrav (the reduction is mandatory);
     * excused: dropped for a recorded godtagbart skäl (which one is in the decision letter, not here).
     */
    public record SanctionSummary(UUID id, UUID placementId, String status, String statusLabel, long proposedAmount,
                                  LocalDate responseDue, boolean clientResponded, String decision, Long decidedAmount,
                                  YearMonth reductionMonth, String communicationLetter, String decisionLetter,
                                  boolean underActivityRequirement, boolean excused) {}

    public record Exit(String reason, String reasonLabel, LocalDate exitDate, LocalDate followUpDue,
                       ExitFollowUpSummary followUp) {}

    public record ExitFollowUpSummary(LocalDate followedUpOn, boolean inWorkOrStudies, boolean returnedToAssistance) {}

    /** A user task of the journey or of one of its placements, as Tasklist shows it. */
    public record OpenTask(String id, String name, String taskDefinitionKey, String assignee, Instant due) {}
}
