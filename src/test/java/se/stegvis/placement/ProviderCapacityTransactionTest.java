package se.stegvis.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.stegvis.journey.domain.Journey;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.ProviderFullException;
import se.stegvis.placement.domain.ProviderKind;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * "Registrera matchning" runs in the job's transaction: a provider that filled up since the form was filled in must
 * turn into the BPMN error back to the coach, which only works when the refusal leaves that transaction able to commit.
 */
@StegvisSpringTest
class ProviderCapacityTransactionTest {

    @Autowired ApplicationContext context;
    @Autowired PlacementService service;
    @Autowired PlacementRepository placements;
    @Autowired PlacementProviderRepository providers;
    @Autowired PlatformTransactionManager transactionManager;

    JourneyScenario scenario;

    @AfterEach
    void cleanUp() {
        scenario.deleteJourneyProcesses(scenario.clients());
    }

    @Test
    void aFullProviderIsRefusedWithoutSpoilingTheSurroundingTransaction() {
        scenario = new JourneyScenario(context);
        Journey journey = scenario.started(scenario.grantedClient().getId());
        LocalDate day = LocalDate.of(2025, 11, 3);
        PlacementProvider provider = providers.save(new PlacementProvider("Test Ett Plats AB", ProviderKind.ARBETSGIVARE, 1));
        UUID first = placements.save(new Placement(journey.getId(), PlacementType.PRAKTIK, day)).getId();
        UUID second = placements.save(new Placement(journey.getId(), PlacementType.PRAKTIK, day)).getId();
        TransactionTemplate jobTransaction = new TransactionTemplate(transactionManager);

        jobTransaction.executeWithoutResult(s -> service.match(first, provider.getId(), day, "pi-first"));
        jobTransaction.executeWithoutResult(s -> assertThatThrownBy(
                () -> service.match(second, provider.getId(), day, "pi-second"))
                .isInstanceOf(ProviderFullException.class).hasMessageContaining("ingen ledig plats"));

        assertThat(placements.findById(second).orElseThrow().getProviderId()).isEmpty();
        assertThat(placements.findById(first).orElseThrow().getProviderId()).contains(provider.getId());
    }
}
