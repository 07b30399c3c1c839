package se.stegvis.integration.arbetsformedlingen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A notice from Arbetsförmedlingen (underrättelse): a participant in one of AF's programmes risks too little occupation.
 * Received once per AF reference; the client's coach follows it up in the journey. Holds no personnummer.
 */
@Entity
@Table(name = "af_inbound_notice")
public class InboundNotice {

    public enum Kind {
        RISK_FOR_LITE_SYSSELSATTNING("Risk för för lite sysselsättning i Arbetsförmedlingens program");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status { MOTTAGEN, UPPFOLJD }

    /** What the coach did about the notice. */
    public enum Action {
        PLANERINGEN_REVIDERAS, AKTIVITETER_ERBJUDS, KONTAKT_MED_AF, INGEN_ATGARD
    }

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Kind kind;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "journey_id")
    private UUID journeyId;

    @Column(name = "notice_date", nullable = false)
    private LocalDate noticeDate;

    @Column(name = "occupation_hours")
    private Integer occupationHours;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "received_by", nullable = false, length = 64)
    private String receivedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Action action;

    @Column(name = "followed_up_by", length = 64)
    private String followedUpBy;

    @Column(name = "followed_up_at")
    private Instant followedUpAt;

    protected InboundNotice() {}

    public InboundNotice(String reference, Kind kind, UUID clientId, LocalDate noticeDate, Integer occupationHours,
                         Instant receivedAt, String receivedBy) {
        this.id = UUID.randomUUID();
        this.reference = reference;
        this.kind = kind;
        this.clientId = clientId;
        this.noticeDate = noticeDate;
        this.occupationHours = occupationHours;
        this.receivedAt = receivedAt;
        this.receivedBy = receivedBy;
        this.status = Status.MOTTAGEN;
    }

    /** The same notice delivered again: same reference, client, date and hours. */
    boolean sameAs(UUID clientId, LocalDate noticeDate, Integer occupationHours) {
        return this.clientId.equals(clientId) && this.noticeDate.equals(noticeDate)
                && java.util.Objects.equals(this.occupationHours, occupationHours);
    }

    void followedUpIn(UUID journeyId) {
        this.journeyId = journeyId;
    }

    void followedUp(Action action, String by, Instant at) {
        if (status == Status.UPPFOLJD) {
            throw new IllegalStateException("the notice " + id + " has been followed up already");
        }
        this.action = action;
        this.followedUpBy = by;
        this.followedUpAt = at;
        this.status = Status.UPPFOLJD;
    }

    public UUID getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Kind getKind() {
        return kind;
    }

    public UUID getClientId() {
        return clientId;
    }

    public Optional<UUID> getJourneyId() {
        return Optional.ofNullable(journeyId);
    }

    public LocalDate getNoticeDate() {
        return noticeDate;
    }

    public Optional<Integer> getOccupationHours() {
        return Optional.ofNullable(occupationHours);
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Status getStatus() {
        return status;
    }

    public Optional<Action> getAction() {
        return Optional.ofNullable(action);
    }

    public Optional<String> getFollowedUpBy() {
        return Optional.ofNullable(followedUpBy);
    }
}
