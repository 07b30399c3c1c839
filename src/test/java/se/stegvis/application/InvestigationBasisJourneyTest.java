package se.stegvis.application;

import org.camunda.bpm.engine.variable.value.StringValue;
import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.BASIS_TEXT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.client.domain.Client;
import se.stegvis.journey.SanctionService;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionDecision;
import se.stegvis.journey.domain.SanctionRepository;
import se.stegvis.journey.domain.Step;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.journey.domain.StepAssessmentRepository;
import se.stegvis.letter.SwedishFormat;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.ProviderKind;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * "Utred ansökan" shows the household's client journey: status and phase, the plan's version and goal, the running
 * placement, the latest step, and the open and upheld sanctions; a household without a journey says so. Checked in
 * the basis the calculation writes for the form (variable {@code underlag}).
 */
@StegvisSpringTest
class InvestigationBasisJourneyTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired InvestigationBasis basis;
    @Autowired PlacementRepository placements;
    @Autowired PlacementProviderRepository providers;
    @Autowired StepAssessmentRepository assessments;
    @Autowired SanctionService sanctionService;
    @Autowired SanctionRepository sanctions;

    JourneyScenario journeyScenario;

    @AfterEach
    void resetClock() {
        ApplicationScenario.resetClock();
        if (journeyScenario != null) {
            journeyScenario.deleteJourneyProcesses(journeyScenario.clients());
        }
    }

    @Test
    void theBasisShowsTheHouseholdsJourneyPlanPlacementStepAndSanctions() {
        journeyScenario = new JourneyScenario(context);
        Client client = journeyScenario.grantedClient();
        Journey journey = journeyScenario.started(client.getId());
        journeyScenario.mapped(journey);
        journeyScenario.planned(journey);
        // The application's clock (Europe/Stockholm), as the placement's dates are: the JVM's zone may be a day behind.
        LocalDate today = LocalDate.now(context.getBean(java.time.Clock.class));

        // The praktik matched and started at a provider; one follow-up with a step; two absences.
        Placement placement = placements.findByJourneyIdOrderByRequestedOn(journey.getId()).get(0);
        PlacementProvider provider = providers.save(new PlacementProvider("Vårdhemmet Exempelgården (fiktiv)",
                ProviderKind.ARBETSGIVARE, 3));
        placement.matchTo(provider, today);
        placement.start(today);
        placements.saveAndFlush(placement);
        assessments.saveAndFlush(new StepAssessment(journey.getId(), today, "coach1", Step.ARBETSFORBEREDANDE_INSATS,
                "Praktiken går bra.", Instant.now()));
        Sanction open = sanctionService.propose(journey.getId(), placement.getId(), "Uteblev en vecka.", 1000, "coach1");
        open.communicated(Instant.now(), today.plusDays(14));
        sanctions.saveAndFlush(open);
        Sanction upheld = sanctionService.propose(journey.getId(), null, "Uteblev från SFI.", 900, "coach1");
        upheld.communicated(Instant.now(), today.plusDays(14));
        upheld.clientResponded("Jag glömde.", Instant.now());
        sanctions.saveAndFlush(upheld);
        sanctionService.decide(upheld.getId(), SanctionDecision.UPHELD, 800, "Ingen godtagbar förklaring.", "handlaggare1");

        // Next month's application, submitted and calculated: the caseworker's basis.
        ApplicationScenario.inNovember2025();
        String text = calculatedBasis(client.getPersonnummer().value());

        assertThat(text).contains("Klientresa\n  Status: Aktiv, i insats")
                .contains("Individuell planering: version 1, mål arbete (Undersköterska), överenskommen med klienten")
                .contains("Insats: Praktik hos Vårdhemmet Exempelgården (fiktiv) – pågår sedan " + SwedishFormat.date(today))
                .contains("Senaste stegbedömning: Steg 3: " + Step.ARBETSFORBEREDANDE_INSATS.label())
                .contains("föreslagen nedsättning " + SwedishFormat.kronor(1000) + ", kommunicerad, svar senast "
                        + SwedishFormat.date(today.plusDays(14)))
                .contains("beslutad nedsättning " + SwedishFormat.kronor(800) + " för "
                        + SwedishFormat.month(YearMonth.from(today).plusMonths(1)))
                .doesNotContain("ingen individuell planering registrerad");
        // Facts only: no personnummer and no free text about the person.
        assertThat(text).doesNotContain(client.getPersonnummer().value(), "Praktiken går bra", "Uteblev", "glömde");
    }

    @Test
    void aHouseholdWithoutAJourneySaysSo() {
        ApplicationScenario.inNovember2025();
        var submitted = new ApplicationScenario(context, port).familyReadyForInvestigation(20261124);
        String text = runtimeService.<StringValue>getVariableTyped(submitted.processInstanceId(), BASIS_TEXT).getValue();
        assertThat(text).contains("Klientresa\n  Ingen klientresa registrerad för hushållet");
    }

    private String calculatedBasis(String personnummer) {
        var created = new Http(port).postJson("/api/ansokningar", "etjanst", """
                {"personnummer":"%s","month":"2025-11","kind":"ATERANSOKAN","adults":1,"childrenAges":[],
                 "costs":{"housing":6000},"incomes":{},
                 "payoutAccount":{"accountHolder":"Testperson Exempel","iban":"SE4550000000058398257466"}}
                """.formatted(personnummer));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String pi = context.getBean(se.stegvis.application.domain.ApplicationRepository.class).findById(id).orElseThrow()
                .getProcessInstanceId();
        ApplicationScenario scenario = new ApplicationScenario(context, port);
        scenario.runIncomeCheck(pi);
        return runtimeService.<StringValue>getVariableTyped(pi, BASIS_TEXT).getValue();
    }
}
