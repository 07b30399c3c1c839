package se.stegvis.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A pain.001 file handed to the bank: the XML as sent, with its counts. */
@Entity
@Table(name = "payment_file")
public class PaymentFile {

    @Id
    private UUID id;

    @Column(name = "message_id", nullable = false, unique = true, length = 35)
    private String messageId;

    @Column(name = "execution_date", nullable = false)
    private LocalDate executionDate;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int transactions;

    @Column(name = "control_sum", nullable = false)
    private long controlSum;

    @Column(nullable = false)
    private byte[] xml;

    /** The file pays only payees with protected identity: only the group skyddad lists and downloads it. */
    @Column(name = "protected_payees", nullable = false)
    private boolean protectedPayees;

    protected PaymentFile() {}

    public PaymentFile(UUID id, String messageId, LocalDate executionDate, Instant createdAt, int transactions,
                       long controlSum, byte[] xml) {
        this(id, messageId, executionDate, createdAt, transactions, controlSum, xml, false);
    }

    public PaymentFile(UUID id, String messageId, LocalDate executionDate, Instant createdAt, int transactions,
                       long controlSum, byte[] xml, boolean protectedPayees) {
        this.protectedPayees = protectedPayees;
        this.id = id;
        this.messageId = messageId;
        this.executionDate = executionDate;
        this.createdAt = createdAt;
        this.transactions = transactions;
        this.controlSum = controlSum;
        this.xml = xml.clone();
    }

    public UUID getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public LocalDate getExecutionDate() {
        return executionDate;
    }

    public int getTransactions() {
        return transactions;
    }

    public long getControlSum() {
        return controlSum;
    }

    public boolean isProtectedPayees() {
        return protectedPayees;
    }

    public byte[] getXml() {
        return xml.clone();
    }
}
