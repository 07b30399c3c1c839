package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import se.stegvis.placement.domain.ActivityCategory;
import se.stegvis.placement.domain.PlacementType;

/**
 * One activity of a plan version under the aktivitetskrav: its statutory category, hours per week and the intervention
 * (placement type) or provider it comes from.
 */
@Embeddable
public class PlanActivity {

    public static final int MAX_HOURS = 60;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ActivityCategory category;

    @Column(name = "hours_per_week", nullable = false)
    private int hoursPerWeek;

    @Enumerated(EnumType.STRING)
    @Column(name = "placement_type", length = 40)
    private PlacementType placementType;

    @Column(name = "provider_id")
    private UUID providerId;

    protected PlanActivity() {}

    public PlanActivity(ActivityCategory category, int hoursPerWeek, PlacementType placementType, UUID providerId) {
        if (category == null) {
            throw new IllegalArgumentException("an activity has a category");
        }
        if (hoursPerWeek < 0 || hoursPerWeek > MAX_HOURS) {
            throw new IllegalArgumentException("hours per week 0.." + MAX_HOURS);
        }
        if (placementType != null && placementType.category() != category) {
            throw new IllegalArgumentException(placementType + " counts as " + placementType.category());
        }
        this.category = category;
        this.hoursPerWeek = hoursPerWeek;
        this.placementType = placementType;
        this.providerId = providerId;
    }

    /** An activity from an intervention, in the intervention's category. */
    public static PlanActivity of(PlacementType type, int hoursPerWeek) {
        return new PlanActivity(type.category(), hoursPerWeek, type, null);
    }

    /** The same activity from this provider (null: not known). */
    public PlanActivity withProvider(UUID provider) {
        return new PlanActivity(category, hoursPerWeek, placementType, provider);
    }

    public ActivityCategory getCategory() {
        return category;
    }

    public int getHoursPerWeek() {
        return hoursPerWeek;
    }

    public Optional<PlacementType> getPlacementType() {
        return Optional.ofNullable(placementType);
    }

    public Optional<UUID> getProviderId() {
        return Optional.ofNullable(providerId);
    }

    /** For the notice to Arbetsförmedlingen and comparisons: category, type and hours, no personal data. */
    public String describe() {
        return category.name() + (placementType == null ? "" : "/" + placementType.name()) + ":" + hoursPerWeek;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanActivity other && category == other.category && hoursPerWeek == other.hoursPerWeek
                && placementType == other.placementType && Objects.equals(providerId, other.providerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(category, hoursPerWeek, placementType, providerId);
    }

    @Override
    public String toString() {
        return describe();
    }
}
