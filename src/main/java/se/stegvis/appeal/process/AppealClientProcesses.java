package se.stegvis.appeal.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.stegvis.appeal.domain.AppealRepository;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.process.ClientProcessKeys;
import se.stegvis.client.process.ClientProcesses;

/** The appeal: its business key is the appeal's id, which leads through the decision to the client. */
@Component
public class AppealClientProcesses implements ClientProcesses {

    private final AppealRepository appeals;
    private final DecisionRepository decisions;
    private final ApplicationRepository applications;

    public AppealClientProcesses(AppealRepository appeals, DecisionRepository decisions,
                                 ApplicationRepository applications) {
        this.appeals = appeals;
        this.decisions = decisions;
        this.applications = applications;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(AppealProcess.PROCESS_KEY);
    }

    @Override
    public Optional<UUID> clientOf(String processKey, String businessKey) {
        return ClientProcessKeys.uuid(businessKey).flatMap(appeals::findById)
                .flatMap(a -> decisions.findById(a.getDecisionId()))
                .flatMap(d -> applications.findById(d.getApplicationId()))
                .map(a -> a.getClient().getId());
    }

    @Override
    public List<String> businessKeysOf(UUID clientId) {
        return applications.findByClientIdOrderByMonthDesc(clientId).stream()
                .flatMap(a -> decisions.findByApplicationIdOrderByDecidedAt(a.getId()).stream())
                .flatMap(d -> appeals.findByDecisionId(d.getId()).stream())
                .map(a -> a.getId().toString()).toList();
    }
}
