package se.stegvis.application.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import se.stegvis.norm.domain.IncomeKind;

/** One declared income of the household for the month applied for. */
@Embeddable
public class ApplicationIncome {

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private IncomeKind kind;

    @Column(nullable = false)
    private long amount;

    protected ApplicationIncome() {}

    public ApplicationIncome(String name, IncomeKind kind, long amount) {
        this.name = name;
        this.kind = kind;
        this.amount = amount;
    }

    public String getName() {
        return name;
    }

    public IncomeKind getKind() {
        return kind;
    }

    public long getAmount() {
        return amount;
    }
}
