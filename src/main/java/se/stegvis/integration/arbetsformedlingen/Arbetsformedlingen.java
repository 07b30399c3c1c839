package se.stegvis.integration.arbetsformedlingen;

import java.util.UUID;
import se.stegvis.client.domain.Personnummer;

/**
 * Arbetsförmedlingen as Stegvis sees it: it receives a notice about a person and answers with a receipt. AF's system
 * support for the aktivitetskrav is still being built; {@link LocalArbetsformedlingen} stands in and records what
 * would be sent. A real client is a new bean of this interface; the outbox and the worker stay.
 */
public interface Arbetsformedlingen {

    /**
     * Delivers a notice. The notice's id is the idempotency key: a notice AF already has is not received twice, and
     * the answer is the first receipt.
     *
     * @throws ArbetsformedlingenUnavailableException when AF does not answer (the worker tries again)
     */
    String deliver(UUID noticeId, Notice.Kind kind, Personnummer personnummer, String content);
}
