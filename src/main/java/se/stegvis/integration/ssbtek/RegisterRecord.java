package se.stegvis.integration.ssbtek;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One fact a state register reports for a person and month (the local stand-in for SSBTEK). */
@Entity
@Table(name = "register_record")
public class RegisterRecord {

    /** Which authority reports it. */
    public enum Source { FK, SKV, AF, CSN, AKASSA }

    /** What it is about. */
    public enum Kind { INKOMST, HUSHALLSSTORLEK, BOENDEKOSTNAD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 12)
    private String personnummer;

    @Column(name = "for_month", nullable = false, length = 7)
    private String month;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Source source;

    @Column(nullable = false, length = 30)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    @Column(nullable = false, length = 200)
    private String description;

    @Column(nullable = false)
    private long amount;

    protected RegisterRecord() {}

    public RegisterRecord(String personnummer, String month, Source source, Kind kind, String description, long amount) {
        this.personnummer = personnummer;
        this.month = month;
        this.source = source;
        this.kind = kind;
        this.description = description;
        this.amount = amount;
    }

    public String getPersonnummer() {
        return personnummer;
    }

    public String getMonth() {
        return month;
    }

    public Source getSource() {
        return source;
    }

    public Kind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public long getAmount() {
        return amount;
    }
}
