package se.stegvis.integration.arbetsformedlingen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the local stand-in for Arbetsförmedlingen received: one row per notice id, as AF would keep it. */
@Entity
@Table(name = "af_local_inbox")
public class LocalInboxEntry {

    @Id
    @Column(name = "notice_id")
    private UUID noticeId;

    @Column(nullable = false, length = 12)
    private String personnummer;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 2000)
    private String content;

    @Column(nullable = false, length = 100)
    private String receipt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected LocalInboxEntry() {}

    LocalInboxEntry(UUID noticeId, String personnummer, String kind, String content, String receipt, Instant at) {
        this.noticeId = noticeId;
        this.personnummer = personnummer;
        this.kind = kind;
        this.content = content;
        this.receipt = receipt;
        this.receivedAt = at;
    }

    public UUID getNoticeId() {
        return noticeId;
    }

    public String getKind() {
        return kind;
    }

    public String getContent() {
        return content;
    }

    public String getReceipt() {
        return receipt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
