package se.stegvis.journey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Reduction;
import se.stegvis.application.domain.ReductionRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionDecision;
import se.stegvis.journey.domain.SanctionLetter;
import se.stegvis.journey.domain.SanctionLetterRepository;
import se.stegvis.journey.domain.SanctionRepository;
import se.stegvis.journey.domain.SanctionStatus;
import se.stegvis.letter.CommunicationLetter;
import se.stegvis.letter.DecisionLetter.Recipient;
import se.stegvis.letter.DecisionLetterRenderer;
import se.stegvis.letter.ReductionGround;
import se.stegvis.letter.ReductionLetter;

/**
 * The letters about a sanction, rendered once and kept as sent: the kommunicering when the reduction is proposed (what
 * is considered, why, by which day the client may answer, and that the answer may be oral) and the decision letter
 * (outcome, amount and month, reasons, legal ground, appeal). Both cite the law in force on their date
 * ({@code juridik.yaml}). A retried job finds the letter stored and changes nothing. Ids only in logs.
 */
@Service
public class SanctionLetters {

    private static final Logger log = LoggerFactory.getLogger(SanctionLetters.class);

    /**
     * Why a reduction is considered: the aktivitetskrav when the client was covered by it when the reduction was
     * proposed (the reduction is then mandatory), else absence from required praktik or kompetenshöjande verksamhet.
     */
    static ReductionGround ground(Sanction sanction) {
        return sanction.isUnderActivityRequirement() ? ReductionGround.AKTIVITETSKRAV : ReductionGround.FRANVARO;
    }
    /** Who the client contacts when the proposal came from the system rather than a person. */
    static final String OFFICE = "Kompetensförsörjningskontoret";

    private final SanctionRepository sanctions;
    private final SanctionLetterRepository letters;
    private final JourneyRepository journeys;
    private final ClientRepository clients;
    private final ReductionRepository reductions;
    private final DecisionLetterRenderer renderer;
    private final IdentityService identityService;
    private final Clock clock;

    public SanctionLetters(SanctionRepository sanctions, SanctionLetterRepository letters, JourneyRepository journeys,
                           ClientRepository clients, ReductionRepository reductions, DecisionLetterRenderer renderer,
                           IdentityService identityService, Clock clock) {
        this.sanctions = sanctions;
        this.letters = letters;
        this.journeys = journeys;
        this.clients = clients;
        this.reductions = reductions;
        this.renderer = renderer;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** The kommunicering of a communicated sanction, rendered and stored once. */
    @Transactional
    public SanctionLetter createCommunication(UUID sanctionId) {
        return letters.findBySanctionIdAndKind(sanctionId, SanctionLetter.Kind.KOMMUNICERING).orElseGet(() -> {
            Sanction sanction = sanction(sanctionId);
            if (sanction.getResponseDue().isEmpty() || sanction.getCommunicatedAt().isEmpty()) {
                throw new IllegalStateException("Sanktionen " + sanctionId + " är inte kommunicerad: inget brev");
            }
            LocalDate sentOn = LocalDate.ofInstant(sanction.getCommunicatedAt().get(), clock.getZone());
            CommunicationLetter letter = new CommunicationLetter(caseReference(sanction), recipient(sanction), sentOn,
                    ground(sanction), sanction.getProposedAmount(), sanction.getAbsenceDescription(),
                    sanction.getResponseDue().get(), contact(sanction.getProposedBy()));
            log.info("Kommunicering created for sanction {}", sanctionId);
            return letters.save(new SanctionLetter(sanctionId, SanctionLetter.Kind.KOMMUNICERING,
                    renderer.render(letter), clock.instant()));
        });
    }

    /** The decision letter of a decided sanction, rendered and stored once. */
    @Transactional
    public SanctionLetter createDecisionLetter(UUID sanctionId) {
        return letters.findBySanctionIdAndKind(sanctionId, SanctionLetter.Kind.BESLUT).orElseGet(() -> {
            Sanction sanction = sanction(sanctionId);
            if (sanction.getStatus() != SanctionStatus.BESLUTAD || sanction.getDecision().isEmpty()) {
                throw new IllegalStateException("Sanktionen " + sanctionId + " är inte beslutad: inget beslutsbrev");
            }
            LocalDate decided = LocalDate.ofInstant(sanction.getDecidedAt().orElseThrow(), clock.getZone());
            boolean upheld = sanction.getDecision().get() == SanctionDecision.UPHELD;
            Reduction reduction = upheld ? sanction.getReductionId().flatMap(reductions::findById)
                    .orElseThrow(() -> new IllegalStateException("Nedsättningen för sanktionen " + sanctionId
                            + " saknas")) : null;
            ReductionLetter letter = new ReductionLetter(caseReference(sanction), recipient(sanction), decided,
                    ground(sanction), upheld ? ReductionLetter.Outcome.REDUCED : ReductionLetter.Outcome.NOT_REDUCED,
                    upheld ? reduction.getAmount() : 0, upheld ? reduction.getMonth() : null,
                    sanction.getAbsenceDescription(), reasons(sanction),
                    displayName(sanction.getDecidedBy().orElseThrow()));
            log.info("Decision letter created for sanction {}", sanctionId);
            return letters.save(new SanctionLetter(sanctionId, SanctionLetter.Kind.BESLUT, renderer.render(letter),
                    clock.instant()));
        });
    }

    /** The caseworker's reasons, and the godtagbart skäl a reduction was dropped for, as its own paragraph. */
    static String reasons(Sanction sanction) {
        String reasons = sanction.getDecisionReasons().orElseThrow();
        return sanction.getExcuse().map(e -> reasons + "\n\nGodtagbart skäl: " + e.reason().label().toLowerCase(Locale.ROOT)
                + ". " + e.text() + (e.medicalCertificateDate() == null ? ""
                : " Läkarintyg daterat " + se.stegvis.letter.SwedishFormat.date(e.medicalCertificateDate()) + "."))
                .orElse(reasons);
    }

    @Transactional(readOnly = true)
    public Optional<SanctionLetter> find(UUID sanctionId, SanctionLetter.Kind kind) {
        return letters.findBySanctionIdAndKind(sanctionId, kind);
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID sanctionId, SanctionLetter.Kind kind) {
        return letters.existsBySanctionIdAndKind(sanctionId, kind);
    }

    /** "N-" and the first eight characters of the sanction's id, as the letters print it. */
    static String caseReference(Sanction sanction) {
        return "N-" + sanction.getId().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private Sanction sanction(UUID sanctionId) {
        return sanctions.findById(sanctionId).orElseThrow(() -> new NotFoundException("Sanktionen finns inte."));
    }

    private Recipient recipient(Sanction sanction) {
        Journey journey = journeys.findById(sanction.getJourneyId()).orElseThrow();
        Client client = clients.findById(journey.getClientId()).orElseThrow();
        String masked = client.getPersonnummer().formatted().substring(0, 8) + "-XXXX";
        return new Recipient("Till den sökande", List.of(), masked);
    }

    private String contact(String userId) {
        return userId == null || userId.equals("system") ? OFFICE : displayName(userId);
    }

    private String displayName(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).strip();
    }
}
