package se.stegvis.integration.arbetsformedlingen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.InvalidPersonnummerException;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.config.TransactionLocks;
import se.stegvis.letter.SwedishFormat;

/**
 * Arbetsförmedlingen's notices that a programme participant risks too little occupation (aktivitetskravet): received
 * once per AF reference — the same notice delivered again is answered with the first receipt and starts nothing —,
 * stored without the personnummer, and handed to the client's journey, where the coach gets "Följ upp besked från
 * Arbetsförmedlingen". The notice, the journey's message and the task are one transaction: a notice that no journey
 * can take is refused (409) and nothing is kept. Ids only in logs.
 */
@Service
public class InboundNotices {

    private static final Logger log = LoggerFactory.getLogger(InboundNotices.class);
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");
    static final int MAX_HOURS = 168;

    private final InboundNoticeRepository notices;
    private final ClientRepository clients;
    private final InboundNoticeFollowUp followUp;
    private final TransactionLocks locks;
    private final Clock clock;

    public InboundNotices(InboundNoticeRepository notices, ClientRepository clients, InboundNoticeFollowUp followUp,
                          TransactionLocks locks, Clock clock) {
        this.notices = notices;
        this.clients = clients;
        this.followUp = followUp;
        this.locks = locks;
        this.clock = clock;
    }

    /** The notice and whether it was new ({@code false}: delivered before, nothing started again). */
    public record Received(InboundNotice notice, boolean created) {}

    /**
     * Receives a notice. Refused (400 naming the field): a missing or malformed reference, personnummer or date, a
     * date in the future, hours outside 0–168; 404 when the person is no client; 409 when the reference was received
     * with other facts, or the client has no journey that can take it.
     */
    @Transactional
    public Received receive(String reference, String personnummer, LocalDate noticeDate, Integer occupationHours,
                            String receivedBy) {
        if (reference == null || !REFERENCE.matcher(reference.strip()).matches()) {
            throw new InvalidRequestException("reference", "Ange Arbetsförmedlingens referens (1–100 tecken: bokstäver,"
                    + " siffror och . _ : / -).");
        }
        String ref = reference.strip();
        Personnummer pnr;
        try {
            pnr = Personnummer.parse(personnummer, clock);
        } catch (InvalidPersonnummerException e) {
            throw new InvalidRequestException("personnummer", e.getMessage());
        }
        if (noticeDate == null) {
            throw new InvalidRequestException("noticeDate", "Ange dagen Arbetsförmedlingen gjorde bedömningen (ÅÅÅÅ-MM-DD).");
        }
        if (noticeDate.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("noticeDate", "Dagen kan inte ligga i framtiden.");
        }
        if (occupationHours != null && (occupationHours < 0 || occupationHours > MAX_HOURS)) {
            throw new InvalidRequestException("occupationHoursPerWeek", "Timmar i veckan ska vara 0–" + MAX_HOURS + ".");
        }
        // Two deliveries of the same reference at once: the second waits and then finds the first.
        locks.lock("af-underrattelse:" + ref);
        Client client = clients.findByPersonnummer(pnr.value())
                .orElseThrow(() -> new NotFoundException("Personen är inte klient i Stegvis."));
        Optional<InboundNotice> earlier = notices.findByReference(ref);
        if (earlier.isPresent()) {
            if (!earlier.get().sameAs(client.getId(), noticeDate, occupationHours)) {
                throw new ConflictException("reference", "Referensen " + ref + " har redan tagits emot med andra"
                        + " uppgifter; en ny underrättelse behöver en ny referens.");
            }
            log.info("Notice from Arbetsförmedlingen {} (reference {}) delivered again; answered with the first receipt",
                    earlier.get().getId(), ref);
            return new Received(earlier.get(), false);
        }
        InboundNotice notice = notices.save(new InboundNotice(ref, InboundNotice.Kind.RISK_FOR_LITE_SYSSELSATTNING,
                client.getId(), noticeDate, occupationHours, clock.instant(), receivedBy));
        notice.followedUpIn(followUp.startFollowUp(notice.getId(), client.getId(), description(notice)));
        log.info("Notice from Arbetsförmedlingen {} (reference {}) received for client {}; the coach follows it up",
                notice.getId(), ref, client.getId());
        return new Received(notice, true);
    }

    /** What the coach's task shows: AF's assessment with its date, hours and reference; no personal data. */
    static String description(InboundNotice notice) {
        return "Arbetsförmedlingen bedömde " + SwedishFormat.date(notice.getNoticeDate())
                + " att klienten riskerar för lite sysselsättning i sitt program"
                + notice.getOccupationHours().map(h -> " (" + h + " timmar i veckan)").orElse("")
                + ". Arbetsförmedlingens referens: " + notice.getReference() + ".";
    }

    /** The coach's follow-up, recorded once ("Registrera uppföljning av beskedet"). */
    @Transactional
    public InboundNotice followedUp(UUID noticeId, InboundNotice.Action action, String by) {
        InboundNotice notice = notices.findById(noticeId)
                .orElseThrow(() -> new IllegalStateException("Beskedet " + noticeId + " finns inte"));
        if (notice.getStatus() == InboundNotice.Status.UPPFOLJD) {
            return notice; // a retried job
        }
        notice.followedUp(action, by, clock.instant());
        log.info("Notice from Arbetsförmedlingen {} followed up ({}) by {}", noticeId, action, by);
        return notice;
    }

    @Transactional(readOnly = true)
    public List<InboundNotice> of(UUID clientId) {
        return notices.findByClientIdOrderByReceivedAt(clientId);
    }
}
