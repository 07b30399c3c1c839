package se.stegvis.appeal.api;

import java.time.LocalDate;
import java.util.UUID;
import se.stegvis.appeal.domain.Appeal;
import se.stegvis.appeal.domain.AppealStatus;
import se.stegvis.appeal.domain.CourtOutcome;

/** An appeal as the API shows it, with the last day it could arrive in time. */
public record AppealResponse(UUID id, UUID decisionId, LocalDate receivedDate, LocalDate notifiedDate,
                             LocalDate lastDayForAppeal, boolean inTime, AppealStatus status, CourtOutcome outcome,
                             String courtRuling, String processInstanceId) {

    static AppealResponse from(Appeal a, LocalDate lastDay) {
        return new AppealResponse(a.getId(), a.getDecisionId(), a.getReceivedDate(), a.getNotifiedDate(), lastDay,
                a.isInTime(), a.getStatus(), a.getOutcome(), a.getCourtRuling(), a.getProcessInstanceId());
    }
}
