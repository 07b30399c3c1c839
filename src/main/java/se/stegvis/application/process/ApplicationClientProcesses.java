package se.stegvis.application.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.process.ClientProcessKeys;
import se.stegvis.client.process.ClientProcesses;

/** The monthly application's process: its business key is the application's id. */
@Component
public class ApplicationClientProcesses implements ClientProcesses {

    private final ApplicationRepository applications;

    public ApplicationClientProcesses(ApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(EkonomisktBistandProcess.PROCESS_KEY);
    }

    @Override
    public Optional<UUID> clientOf(String processKey, String businessKey) {
        return ClientProcessKeys.uuid(businessKey).flatMap(applications::findById).map(a -> a.getClient().getId());
    }

    @Override
    public List<String> businessKeysOf(UUID clientId) {
        return applications.findByClientIdOrderByMonthDesc(clientId).stream().map(Application::getId)
                .map(UUID::toString).toList();
    }
}
