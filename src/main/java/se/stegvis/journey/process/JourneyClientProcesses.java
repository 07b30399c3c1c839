package se.stegvis.journey.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.stegvis.client.process.ClientProcessKeys;
import se.stegvis.client.process.ClientProcesses;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyRepository;

/** The client journey and its placements: both carry the journey's id as business key. */
@Component
public class JourneyClientProcesses implements ClientProcesses {

    private final JourneyRepository journeys;

    public JourneyClientProcesses(JourneyRepository journeys) {
        this.journeys = journeys;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(JourneyProcess.PROCESS_KEY, JourneyProcess.PLACEMENT_PROCESS_KEY);
    }

    @Override
    public Optional<UUID> clientOf(String processKey, String businessKey) {
        return ClientProcessKeys.uuid(businessKey).flatMap(journeys::findById).map(Journey::getClientId);
    }

    @Override
    public List<String> businessKeysOf(UUID clientId) {
        return journeys.findByClientIdOrderByStartedAt(clientId).stream().map(j -> j.getId().toString()).toList();
    }
}
