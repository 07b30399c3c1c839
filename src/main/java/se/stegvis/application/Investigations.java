package se.stegvis.application;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.ApplicationWarning;
import se.stegvis.application.domain.ApplicationWarningRepository;

/**
 * The warnings "Utred ansökan" shows, as its listener checks them (read-only) and "Registrera utredningen" records
 * them acknowledged by the caseworker who completed the task.
 */
@Service
public class Investigations {

    private final ApplicationWarningRepository warnings;
    private final Clock clock;

    public Investigations(ApplicationWarningRepository warnings, Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
    }

    /** Whether the application has a warning nobody has acknowledged yet. */
    @Transactional(readOnly = true)
    public boolean hasOpenWarnings(UUID applicationId) {
        return warnings.findByApplicationIdOrderById(applicationId).stream().anyMatch(w -> !w.isAcknowledged());
    }

    /** The open warnings, acknowledged by the caseworker now. */
    @Transactional
    public void acknowledgeWarnings(UUID applicationId, String user) {
        for (ApplicationWarning warning : warnings.findByApplicationIdOrderById(applicationId)) {
            if (!warning.isAcknowledged()) {
                warning.acknowledge(user, clock.instant());
            }
        }
    }
}
