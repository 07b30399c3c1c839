package se.stegvis.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationStatus;
import se.stegvis.application.domain.CalculationLine;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.domain.StoredLetter;
import se.stegvis.application.domain.StoredLetterRepository;
import se.stegvis.letter.DecisionKind;
import se.stegvis.letter.DecisionLetter;
import se.stegvis.letter.DecisionLetterRenderer;
import se.stegvis.payment.PaymentService;
import se.stegvis.payment.PayoutAccountService;

/** Decisions on applications, their letters (rendered once, kept as sent) and the notification of the client. */
@Service
public class DecisionRecords {

    private static final Logger log = LoggerFactory.getLogger(DecisionRecords.class);

    private final DecisionRepository decisions;
    private final ApplicationRepository applications;
    private final StoredLetterRepository letters;
    private final AssistanceCalculationService calculation;
    private final DecisionLetterRenderer renderer;
    private final IdentityService identityService;
    private final PaymentService payments;
    private final PayoutAccountService payoutAccounts;
    private final Clock clock;

    public DecisionRecords(DecisionRepository decisions, ApplicationRepository applications,
                           StoredLetterRepository letters, AssistanceCalculationService calculation,
                           DecisionLetterRenderer renderer, IdentityService identityService, PaymentService payments,
                           PayoutAccountService payoutAccounts, Clock clock) {
        this.payoutAccounts = payoutAccounts;
        this.decisions = decisions;
        this.applications = applications;
        this.letters = letters;
        this.calculation = calculation;
        this.renderer = renderer;
        this.identityService = identityService;
        this.payments = payments;
        this.clock = clock;
    }

    @Transactional
    public Decision register(UUID applicationId, DecisionKind kind, long amount, String reasons, String investigator,
                             String approver) {
        Application application = applications.findById(applicationId).orElseThrow();
        application.setStatus(ApplicationStatus.BESLUTAD);
        Decision decision;
        try {
            decision = decisions.saveAndFlush(new Decision(applicationId, kind, amount, reasons, investigator,
                    approver, clock.instant(), null));
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // decision_one_per_application: another registration of this application committed first.
            throw oneDecision();
        }
        if (amount > 0) {
            // The account this decision pays to is fixed now: a later change of the client's account does not move it.
            payoutAccounts.fixForDecision(decision.getId(), application.getClient().getId());
        }
        log.info("Decision {} on application {}: {}", decision.getId(), applicationId, kind);
        return decision;
    }

    /** 409: the application has its decision; only a reconsideration (appeal) makes another, linked to it. */
    static se.stegvis.config.ConflictException oneDecision() {
        return new se.stegvis.config.ConflictException("applicationId",
                "Ansökan har redan ett beslut. Ett nytt beslut fattas bara genom omprövning.");
    }

    /** Renders and stores the letter once; a retried job finds it stored. */
    @Transactional
    public StoredLetter createLetter(UUID decisionId) {
        return letters.findById(decisionId).orElseGet(() -> {
            Decision decision = decisions.findById(decisionId).orElseThrow();
            byte[] pdf = renderer.render(letterFor(decision));
            return letters.save(new StoredLetter(decisionId, pdf, clock.instant()));
        });
    }

    /** The client is told (the e-service shows the letter on the client's pages); the appeal time runs from here. */
    @Transactional
    public Decision notifyClient(UUID decisionId) {
        Decision decision = decisions.findById(decisionId).orElseThrow();
        if (decision.getNotifiedAt() == null) {
            decision.setNotifiedAt(clock.instant());
        }
        return decision;
    }

    DecisionLetter letterFor(Decision decision) {
        Application application = applications.findById(decision.getApplicationId()).orElseThrow();
        List<DecisionLetter.CalculationLine> norm = new ArrayList<>();
        List<DecisionLetter.CalculationLine> costs = new ArrayList<>();
        List<DecisionLetter.CalculationLine> incomes = new ArrayList<>();
        long reduction = 0;
        List<String> reductionReasons = new ArrayList<>();
        for (CalculationLine line : calculation.storedLines(application.getId())) {
            var letterLine = new DecisionLetter.CalculationLine(line.getDescription(), line.getAmount());
            switch (line.getSection()) {
                case AssistanceCalculationService.NORM -> norm.add(letterLine);
                case AssistanceCalculationService.COSTS -> costs.add(letterLine);
                case AssistanceCalculationService.INCOMES ->
                        incomes.add(new DecisionLetter.CalculationLine(line.getDescription(), -line.getAmount()));
                default -> {
                    if (line.getAmount() < 0) {
                        reduction -= line.getAmount();
                        reductionReasons.add(line.getDescription());
                    } else {
                        costs.add(letterLine);
                    }
                }
            }
        }
        String masked = application.getClient().getPersonnummer().formatted().substring(0, 8) + "-XXXX";
        var recipient = new DecisionLetter.Recipient("Till den sökande", List.of(), masked);
        return new DecisionLetter(
                application.getId().toString().substring(0, 8).toUpperCase(),
                recipient,
                LocalDate.ofInstant(decision.getDecidedAt(), clock.getZone()),
                application.getMonth(),
                decision.getKind(),
                decision.getAmount(),
                DecisionLetter.Calculation.of(norm, costs, incomes),
                decision.getReasons(),
                reduction > 0 ? new DecisionLetter.Reduction(String.join("; ", reductionReasons), reduction) : null,
                displayName(decision.getInvestigator()),
                decision.getApprover() == null ? null : displayName(decision.getApprover()),
                decision.getKind().grantsMoney() ? payments.paymentDate(application.getMonth()) : null,
                application.getAssistanceForm() == se.stegvis.norm.domain.AssistanceForm.NODBISTAND);
    }

    private String displayName(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).strip();
    }
}
