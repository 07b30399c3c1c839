package se.stegvis.integration.arbetsformedlingen;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.client.domain.Personnummer;

/**
 * The local stand-in for Arbetsförmedlingen: records each notice it receives in {@code af_local_inbox} (what would
 * have been sent), once per notice id, and answers with a receipt. With {@code stegvis.arbetsformedlingen.available}
 * false it does not answer, so the retries and the incident can be tried.
 */
@Component
public class LocalArbetsformedlingen implements Arbetsformedlingen {

    private final LocalInboxRepository inbox;
    private final ArbetsformedlingenProperties properties;
    private final Clock clock;

    public LocalArbetsformedlingen(LocalInboxRepository inbox, ArbetsformedlingenProperties properties, Clock clock) {
        this.inbox = inbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String deliver(UUID noticeId, Notice.Kind kind, Personnummer personnummer, String content) {
        if (!properties.available()) {
            throw new ArbetsformedlingenUnavailableException("Arbetsförmedlingen svarar inte (lokal ersättare avstängd)");
        }
        return inbox.findById(noticeId).map(LocalInboxEntry::getReceipt).orElseGet(() ->
                inbox.save(new LocalInboxEntry(noticeId, personnummer.value(), kind.name(), content,
                        "AF-" + noticeId.toString().substring(0, 8).toUpperCase(), clock.instant())).getReceipt());
    }
}
