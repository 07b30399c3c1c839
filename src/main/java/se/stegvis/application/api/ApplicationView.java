package se.stegvis.application.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application as staff see it through the API: no personnummer, ids and facts. */
public record ApplicationView(
        UUID id,
        /** The household as a client: what the journey API ({@code /api/klientresor}) takes. */
        UUID clientId,
        String month,
        String kind,
        String status,
        /** Why the application waits (status VANTAR_PA_RIKSNORM), in Swedish; null otherwise. */
        String waitingReason,
        /**
         * What the rules on lawful residence gave (decision laglig-vistelse): FULLT, NODBISTAND (a decision on
         * nödbistånd only, from 2027-01) or UTRED (to be investigated before the decision); null until checked.
         */
        String assistanceForm,
        boolean registerChecked,
        String investigationDue,
        List<Line> calculation,
        List<Warning> warnings,
        List<DecisionSummary> decisions) {

    public record Line(String section, String description, String rule, long amount) {}

    public record Warning(String code, String label, String message, boolean acknowledged) {}

    public record DecisionSummary(UUID id, String kind, long amount, Instant decidedAt, String investigator,
                                  String approver, String letter, Payment payment) {}

    public record Payment(UUID id, long amount, String paymentDate, String status) {}
}
