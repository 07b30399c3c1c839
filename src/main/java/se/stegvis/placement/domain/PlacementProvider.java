package se.stegvis.placement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An employer or school that takes clients in placements, with how many it takes at the same time. */
@Entity
@Table(name = "placement_provider")
public class PlacementProvider {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProviderKind kind;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private boolean active;

    protected PlacementProvider() {}

    public PlacementProvider(String name, ProviderKind kind, int capacity) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a provider has a name");
        }
        this.id = UUID.randomUUID();
        this.name = name;
        this.kind = kind;
        setCapacity(capacity);
        this.active = true;
    }

    public void setCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity cannot be negative, was " + capacity);
        }
        this.capacity = capacity;
    }

    public void deactivate() {
        this.active = false;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ProviderKind getKind() {
        return kind;
    }

    public int getCapacity() {
        return capacity;
    }

    public boolean isActive() {
        return active;
    }
}
