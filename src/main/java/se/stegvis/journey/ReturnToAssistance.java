package se.stegvis.journey;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.JourneyRepository;

/**
 * "Returned to assistance" at the six-month follow-up, derived from the applications instead of asked: the household
 * (the client as applicant or co-applicant) has an application for a month after the exit month, up to and including
 * the month of the follow-up, whose latest decision grants an amount.
 */
@Service
public class ReturnToAssistance {

    private final JourneyRepository journeys;
    private final ClientRepository clients;
    private final ApplicationRepository applications;
    private final DecisionRepository decisions;

    public ReturnToAssistance(JourneyRepository journeys, ClientRepository clients, ApplicationRepository applications,
                              DecisionRepository decisions) {
        this.journeys = journeys;
        this.clients = clients;
        this.applications = applications;
        this.decisions = decisions;
    }

    /** The months after the exit month, up to the follow-up's month, with assistance granted to the household. */
    @Transactional(readOnly = true)
    public List<YearMonth> grantedMonthsAfter(JourneyExit exit) {
        UUID clientId = journeys.findById(exit.getJourneyId())
                .orElseThrow(() -> new NotFoundException("Klientresan finns inte.")).getClientId();
        YearMonth after = YearMonth.from(exit.getExitDate());
        YearMonth until = YearMonth.from(exit.followUpDue());
        List<Application> household = new ArrayList<>(applications.findByClientIdOrderByMonthDesc(clientId));
        clients.findById(clientId).ifPresent(c ->
                household.addAll(applications.findByCoApplicantPersonnummer(c.getPersonnummer().value())));
        TreeSet<YearMonth> months = new TreeSet<>();
        for (Application application : household) {
            YearMonth month = application.getMonth();
            if (month.isAfter(after) && !month.isAfter(until) && granted(application)) {
                months.add(month);
            }
        }
        return List.copyOf(months);
    }

    private boolean granted(Application application) {
        List<Decision> made = decisions.findByApplicationIdOrderByDecidedAt(application.getId());
        return !made.isEmpty() && made.get(made.size() - 1).getAmount() > 0;
    }
}
