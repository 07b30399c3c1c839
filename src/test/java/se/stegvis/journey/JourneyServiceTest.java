package se.stegvis.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.placement.domain.PlacementRepository;

class JourneyServiceTest {

    final JourneyRepository journeys = mock(JourneyRepository.class);
    final RuntimeService runtime = mock(RuntimeService.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
    final SanctionService sanctions = mock(SanctionService.class);
    final PlacementRepository placements = mock(PlacementRepository.class);
    final JourneyService service = new JourneyService(journeys, runtime, sanctions, placements, clock, "R/P14D", "P5D", "P10D");
    final UUID clientId = UUID.randomUUID();

    @Test
    void startsTheProcessWithTheJourneyIdAsBusinessKeyAndTheSettings() {
        when(journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV)).thenReturn(Optional.empty());
        when(journeys.save(any())).thenAnswer(i -> i.getArgument(0));
        ProcessInstance instance = mock(ProcessInstance.class);
        when(instance.getId()).thenReturn("pi-1");
        when(runtime.startProcessInstanceByKey(eq("klientresa"), anyString(), anyMap())).thenReturn(instance);

        Journey journey = service.startJourney(clientId, "coach1");

        assertThat(journey.getProcessInstanceId()).isEqualTo("pi-1");
        assertThat(journey.getStartedBy()).isEqualTo("coach1");
        verify(runtime).startProcessInstanceByKey("klientresa", journey.getId().toString(), Map.of(
                "journeyId", journey.getId().toString(), "clientId", clientId.toString(), "followUpCycle", "R/P14D",
                "followUpGrace", "P5D", "kommuniceringstid", "P10D"));
    }

    @Test
    void oneActiveJourneyPerClient() {
        when(journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV))
                .thenReturn(Optional.of(new Journey(clientId, clock.instant(), "coach1")));
        assertThatThrownBy(() -> service.startJourney(clientId, "coach2"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("pågående klientresa");
        verify(runtime, never()).startProcessInstanceByKey(anyString(), anyString(), anyMap());
    }
}
