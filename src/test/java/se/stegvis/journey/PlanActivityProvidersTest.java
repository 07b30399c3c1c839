package se.stegvis.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.stegvis.journey.domain.IndividualPlan;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.OwnGoal;
import se.stegvis.journey.domain.PlanActivity;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.placement.PlacementMatched;
import se.stegvis.placement.domain.ActivityCategory;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.ProviderKind;

/**
 * The provider of the plan's activities: the matching fills it in the versions made since the placement was requested
 * (not in an older version, whose activity of the same kind came from an earlier placement; not for another kind, nor
 * over a provider already there); a new version takes it over from the journey's matched placements that run.
 */
class PlanActivityProvidersTest {

    final UUID journeyId = UUID.randomUUID();
    final IndividualPlan plan = new IndividualPlan(journeyId, Instant.parse("2026-09-01T08:00:00Z"));
    final IndividualPlanRepository plans = mock(IndividualPlanRepository.class);
    final PlanVersionRepository versions = mock(PlanVersionRepository.class);
    final PlacementRepository placements = mock(PlacementRepository.class);
    final PlanActivityProviders providers = new PlanActivityProviders(plans, versions, placements);

    PlanVersion version(Instant at, String reason, PlanActivity... activities) {
        PlanVersion v = plan.revise(OwnGoal.ARBETE, null, List.of(), List.of(), reason, "coach1", at);
        v.recordActivityRequirement(List.of(activities), 5, true, 40, 0, 0, 100, null, null, 40, null);
        v.agreedWithClient(at);
        return v;
    }

    @Test
    void theMatchingFillsTheProviderOfTheActivitiesThatComeFromThePlacement() {
        UUID earlier = UUID.randomUUID();
        PlanVersion v1 = version(Instant.parse("2026-09-01T08:00:00Z"), null, PlanActivity.of(PlacementType.PRAKTIK, 20));
        PlanVersion v2 = version(Instant.parse("2026-11-02T08:00:00Z"), "Mer praktik och SFI",
                PlanActivity.of(PlacementType.PRAKTIK, 30), PlanActivity.of(PlacementType.SFI, 5));
        PlanVersion v3 = version(Instant.parse("2026-11-20T08:00:00Z"), "Annan anordnare redan känd",
                new PlanActivity(ActivityCategory.ARBETSPLATSFORLAGD, 30, PlacementType.PRAKTIK, earlier));
        when(plans.findByJourneyId(journeyId)).thenReturn(Optional.of(plan));
        when(versions.findByPlanIdOrderByVersionNumber(plan.getId())).thenReturn(List.of(v1, v2, v3));
        UUID bakery = UUID.randomUUID();

        providers.placementMatched(new PlacementMatched(UUID.randomUUID(), journeyId, PlacementType.PRAKTIK, bakery,
                LocalDate.parse("2026-11-02")));

        assertThat(v1.getActivities().get(0).getProviderId()).as("requested before the placement").isEmpty();
        assertThat(v2.getActivities().get(0).getProviderId()).contains(bakery);
        assertThat(v2.getActivities().get(0).getHoursPerWeek()).isEqualTo(30);
        assertThat(v2.getActivities().get(1).getProviderId()).as("SFI is another placement").isEmpty();
        assertThat(v3.getActivities().get(0).getProviderId()).contains(earlier);
        verify(versions).save(v2);
        verify(versions, never()).save(v1);
        verify(versions, never()).save(v3);
    }

    @Test
    void aJourneyWithoutAPlanChangesNothing() {
        when(plans.findByJourneyId(journeyId)).thenReturn(Optional.empty());
        providers.placementMatched(new PlacementMatched(UUID.randomUUID(), journeyId, PlacementType.PRAKTIK,
                UUID.randomUUID(), LocalDate.parse("2026-11-02")));
        verify(versions, never()).save(any());
    }

    @Test
    void aNewVersionTakesTheProvidersOfTheMatchedPlacementsThatRun() {
        PlacementProvider bakery = new PlacementProvider("Bageri AB", ProviderKind.ARBETSGIVARE, 3);
        Placement praktik = new Placement(journeyId, PlacementType.PRAKTIK, LocalDate.parse("2026-11-02"));
        praktik.matchTo(bakery, LocalDate.parse("2026-11-03"));
        Placement sfi = new Placement(journeyId, PlacementType.SFI, LocalDate.parse("2026-11-02"));
        when(placements.findByJourneyIdAndEndDateIsNull(journeyId)).thenReturn(List.of(praktik, sfi));

        List<PlanActivity> activities = providers.withProviders(journeyId, List.of(
                PlanActivity.of(PlacementType.PRAKTIK, 30), PlanActivity.of(PlacementType.SFI, 5),
                PlanActivity.of(PlacementType.STUDIER, 5)));

        assertThat(activities.get(0).getProviderId()).contains(bakery.getId());
        assertThat(activities.get(1).getProviderId()).as("not matched yet").isEmpty();
        assertThat(activities.get(2).getProviderId()).as("no placement yet").isEmpty();
    }
}
