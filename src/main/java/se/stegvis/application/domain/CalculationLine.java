package se.stegvis.application.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One line of an application's calculation, stored as the caseworker and the letter show it. */
@Entity
@Table(name = "calculation_line")
public class CalculationLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 20)
    private String section;

    @Column(nullable = false, length = 300)
    private String description;

    @Column(nullable = false, length = 300)
    private String rule;

    @Column(nullable = false)
    private long amount;

    protected CalculationLine() {}

    public CalculationLine(UUID applicationId, int position, String section, String description, String rule, long amount) {
        this.applicationId = applicationId;
        this.position = position;
        this.section = section;
        this.description = description;
        this.rule = rule;
        this.amount = amount;
    }

    public int getPosition() {
        return position;
    }

    public String getSection() {
        return section;
    }

    public String getDescription() {
        return description;
    }

    public String getRule() {
        return rule;
    }

    public long getAmount() {
        return amount;
    }
}
