package se.stegvis.support;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.letter.DecisionKind;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.ReasonableCosts;

/** Saves a client (synthetic samordningsnummer), an application and a decision: the rows a payment or an appeal needs. */
public final class DecisionFixture {

    private static final SyntheticPersonnummer PERSONNUMMER = new SyntheticPersonnummer(new Random());

    private final ClientRepository clients;
    private final ApplicationRepository applications;
    private final DecisionRepository decisions;

    public DecisionFixture(ClientRepository clients, ApplicationRepository applications, DecisionRepository decisions) {
        this.clients = clients;
        this.applications = applications;
        this.decisions = decisions;
    }

    /** A client paid to a Swedish account (clearing 5000, Swedish test data). */
    public Client clientWithAccount() {
        Client client = new Client(nextPersonnummer(), Instant.now());
        client.setPayoutAccount("Testa Testsson", "5000", "1234567");
        return clients.saveAndFlush(client);
    }

    public Client clientWithoutAccount() {
        return clients.saveAndFlush(new Client(nextPersonnummer(), Instant.now()));
    }

    public Application application(Client client, YearMonth month) {
        return applications.saveAndFlush(new Application(client, month, ApplicationKind.NYANSOKAN, Household.of(1),
                ReasonableCosts.NONE, List.of(), "handlaggare1", Instant.now()));
    }

    public Decision decision(Application application, DecisionKind kind, long amount, Instant notifiedAt) {
        Decision decision = new Decision(application.getId(), kind, amount,
                kind.requiresReasons() ? "Inkomsterna täcker en del av behovet." : null, "handlaggare1", null,
                Instant.now(), null);
        decision.setNotifiedAt(notifiedAt);
        return decisions.saveAndFlush(decision);
    }

    private static synchronized se.stegvis.client.domain.Personnummer nextPersonnummer() {
        return PERSONNUMMER.next();
    }
}
