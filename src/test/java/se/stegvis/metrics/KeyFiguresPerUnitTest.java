package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import se.stegvis.appeal.domain.Appeal;
import se.stegvis.appeal.domain.AppealRepository;
import se.stegvis.appeal.domain.CourtOutcome;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.journey.domain.EducationLevel;
import se.stegvis.journey.domain.ExitFollowUp;
import se.stegvis.journey.domain.ExitFollowUpRepository;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.IndividualPlan;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.JourneyExitRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.journey.domain.MappingRepository;
import se.stegvis.journey.domain.OwnGoal;
import se.stegvis.journey.domain.PlanStep;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.journey.domain.Step;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.journey.domain.StepAssessmentRepository;
import se.stegvis.journey.domain.SwedishLevel;
import se.stegvis.letter.DecisionKind;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.ReasonableCosts;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.ProviderKind;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * The key figures from the database and through the API, whole municipality and per unit, on a fixture in 2022 (a
 * year no other integration test writes to; population 2 000 in application-test.yaml):
 *
 * <pre>
 * Skärblacka: s1–s6 granted June 2022, s1 with 2 children → 6 households, 8 persons; s1–s5 have journeys: mapped
 *   5 Jan, plan agreed 20 Jan, PRAKTIK requested 20 Jan, started 1 Feb, ended 30 Apr in work, exit 10 May to work,
 *   six-month follow-up 10 Nov still working; steps 2 (20 Jan) → 3 (15 Mar). s1's June decision appealed 3 times
 *   (changed on reconsideration ×2, court refused ×1).
 * Navestad: n1 granted June 2022, appeal dismissed as late. No unit: u1 granted June 2022, appeal changed.
 * </pre>
 */
@StegvisSpringTest
class KeyFiguresPerUnitTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String SKARBLACKA = URLEncoder.encode("Skärblacka", StandardCharsets.UTF_8);
    private static boolean built;

    @LocalServerPort int port;
    @Autowired KeyFigureService service;
    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired AppealRepository appeals;
    @Autowired JourneyRepository journeys;
    @Autowired MappingRepository mappings;
    @Autowired IndividualPlanRepository plans;
    @Autowired PlanVersionRepository versions;
    @Autowired PlacementProviderRepository providers;
    @Autowired PlacementRepository placements;
    @Autowired StepAssessmentRepository assessments;
    @Autowired JourneyExitRepository exits;
    @Autowired ExitFollowUpRepository exitFollowUps;
    @Autowired TransactionTemplate tx;

    @BeforeEach
    void fixture() {
        if (built) {
            return;
        }
        built = true;
        SyntheticPersonnummer pnr = new SyntheticPersonnummer(new Random(2022));
        tx.executeWithoutResult(s -> {
            PlacementProvider employer = providers.save(new PlacementProvider("Skärblacka Bruk AB", ProviderKind.ARBETSGIVARE, 10));
            List<Decision> skarblacka = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                Client client = client(pnr, "Skärblacka");
                skarblacka.add(granted(client, i == 1 ? Household.withAges(1, List.of(4, 9), 0) : new Household(1, List.of(), 0)));
                if (i <= 5) {
                    journeyToWork(client, employer);
                }
            }
            Decision n1 = granted(client(pnr, "Navestad"), new Household(1, List.of(), 0));
            Decision u1 = granted(client(pnr, null), new Household(2, List.of(), 0));
            appeal(skarblacka.get(0)).decisionChanged();
            appeal(skarblacka.get(0)).decisionChanged();
            Appeal toCourt = appeal(skarblacka.get(0));
            toCourt.forwardedToCourt();
            toCourt.courtRuled(CourtOutcome.AVSLAG, "Förvaltningsrätten avslår överklagandet.");
            appeal(n1).dismissedAsLate();
            appeal(u1).decisionChanged();
        });
    }

    private Client client(SyntheticPersonnummer pnr, String unit) {
        Client client = new Client(pnr.next(), Instant.parse("2022-01-02T10:00:00Z"));
        client.setUnit(unit);
        return clients.save(client);
    }

    private Decision granted(Client client, Household household) {
        Application application = new Application(client, YearMonth.of(2022, 6), ApplicationKind.ATERANSOKAN, household,
                ReasonableCosts.NONE, List.of(), "etjanst", Instant.parse("2022-06-01T08:00:00Z"));
        application.setCompleteAt(Instant.parse("2022-06-02T08:00:00Z"));
        application.setInvestigationDue(LocalDate.of(2022, 6, 16));
        applications.save(application);
        return decisions.save(new Decision(application.getId(), DecisionKind.BIFALL, 3000, null, "handlaggare1", null,
                Instant.parse("2022-06-10T10:00:00Z"), null));
    }

    private Appeal appeal(Decision decision) {
        Appeal appeal = new Appeal(decision.getId(), LocalDate.of(2022, 7, 1), LocalDate.of(2022, 6, 12), true, "handlaggare1");
        return appeals.save(appeal);
    }

    private void journeyToWork(Client client, PlacementProvider employer) {
        Journey journey = journeys.save(new Journey(client.getId(), at("2022-01-03"), "coach1"));
        mappings.save(Mapping.forJourney(journey.getId()).education(EducationLevel.GYMNASIAL)
                .swedish(SwedishLevel.FLYTANDE).goal(OwnGoal.ARBETE, "Lagerarbetare").readyForCompanyPlacement(true)
                .mappedBy("coach1", at("2022-01-05")));
        IndividualPlan plan = new IndividualPlan(journey.getId(), at("2022-01-20"));
        PlanVersion version = plan.revise(OwnGoal.ARBETE, "Lagerarbetare",
                List.of(new PlanStep("Praktik på lagret", LocalDate.of(2022, 2, 1))), List.of(PlacementType.PRAKTIK),
                null, "coach1", at("2022-01-20"));
        version.agreedWithClient(at("2022-01-20"));
        plans.save(plan);
        versions.save(version);
        Placement placement = new Placement(journey.getId(), PlacementType.PRAKTIK, LocalDate.of(2022, 1, 20));
        placement.matchTo(employer, LocalDate.of(2022, 1, 25));
        placement.start(LocalDate.of(2022, 2, 1));
        placement.end(LocalDate.of(2022, 4, 30), PlacementOutcome.ARBETE, null);
        placements.save(placement);
        assessments.save(new StepAssessment(journey.getId(), LocalDate.of(2022, 1, 20), "coach1", Step.ofLevel(2),
                "Förberedande", at("2022-01-20")));
        assessments.save(new StepAssessment(journey.getId(), LocalDate.of(2022, 3, 15), "coach1", Step.ofLevel(3),
                "I praktik", at("2022-03-15")));
        JourneyExit exit = exits.save(new JourneyExit(journey.getId(), ExitReason.ARBETE, LocalDate.of(2022, 5, 10), null,
                "coach1", at("2022-05-10")));
        journey.end(at("2022-05-10"));
        journeys.save(journey);
        exitFollowUps.save(new ExitFollowUp(exit, LocalDate.of(2022, 11, 10), true, false, null, "coach1"));
    }

    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(10, 0).atZone(SWEDEN).toInstant();
    }

    private static KeyFigure figure(List<KeyFigure> figures, String id, String month, String category) {
        return figures.stream().filter(f -> f.id().equals(id) && Objects.equals(f.month(), month)
                        && Objects.equals(f.category(), category))
                .findFirst().orElseThrow(() -> new AssertionError(id + " " + month + " " + category));
    }

    @Test
    void wholeMunicipalityCountsEveryUnitAndClientsWithoutOne() {
        List<KeyFigure> f = service.compute(YearMonth.of(2022, 1), YearMonth.of(2022, 12));
        assertThat(figure(f, "hushall_per_manad", "2022-06", null).value()).isEqualTo(8);
        assertThat(figure(f, "personer_per_manad", "2022-06", null).value()).isEqualTo(11);
        assertThat(figure(f, "andel_av_befolkningen", "2022-06", null).value()).isEqualTo(0.0055);
        assertThat(figure(f, "overklaganden", null, "andrat_vid_omprovning").value()).isEqualTo(3);
        assertThat(figure(f, "overklaganden", null, "dom_avslag").value()).isEqualTo(1);
        assertThat(figure(f, "overklaganden", null, "avvisat_for_sent").value()).isEqualTo(1);
        assertThat(figure(f, "overklaganden", null, "dom_bifall").value()).isZero();
        assertThat(f).allSatisfy(k -> assertThat(k.note()).isNull());
    }

    @Test
    void perUnitTheUnitsClientsCountAndThePopulationStaysTheMunicipalitys() {
        List<KeyFigure> f = service.compute(YearMonth.of(2022, 1), YearMonth.of(2022, 12), "Skärblacka");
        assertThat(figure(f, "hushall_per_manad", "2022-06", null).value()).isEqualTo(6);
        assertThat(figure(f, "personer_per_manad", "2022-06", null).value()).isEqualTo(8);
        assertThat(figure(f, "andel_av_befolkningen", "2022-06", null)).satisfies(k -> {
            assertThat(k.numerator()).isEqualTo(8);
            assertThat(k.denominator()).isEqualTo(2000);
            assertThat(k.value()).isEqualTo(0.004);
        });
        // The journey's figures from the database: five clients through mapping, plan, placement and exit.
        assertThat(figure(f, "klienter_per_fas", "2022-01", "i_insats").value()).isZero();
        assertThat(figure(f, "klienter_per_fas", "2022-01", "uppfoljning").value()).isEqualTo(5);
        assertThat(figure(f, "klienter_per_fas", "2022-03", "i_insats").value()).isEqualTo(5);
        assertThat(figure(f, "insatser_aktiva", "2022-03", "PRAKTIK").value()).isEqualTo(5);
        assertThat(figure(f, "vantetid_till_start", null, "PRAKTIK").value()).isEqualTo(12);
        assertThat(figure(f, "stegforflyttning", null, null).value()).isEqualTo(1.0);
        assertThat(figure(f, "stegforflyttning", null, "PRAKTIK").value()).isEqualTo(1.0);
        assertThat(figure(f, "avslut_per_orsak", null, "ARBETE").value()).isEqualTo(5);
        assertThat(figure(f, "andel_arbete_studier_efter_insats", null, "PRAKTIK").value()).isEqualTo(1.0);
        assertThat(figure(f, "andel_kvar_efter_sex_manader", null, null).denominator()).isEqualTo(5);
        // Three appeals of one household's decision: fewer than five, not shown per unit.
        assertThat(figure(f, "overklaganden", null, "andrat_vid_omprovning")).satisfies(k -> {
            assertThat(k.value()).isNull();
            assertThat(k.note()).isEqualTo(KeyFigure.SUPPRESSED);
        });
        // Navestad: one household → suppressed; Hageby: none → 0.
        List<KeyFigure> navestad = service.compute(YearMonth.of(2022, 6), YearMonth.of(2022, 6), "Navestad");
        assertThat(figure(navestad, "hushall_per_manad", "2022-06", null).note()).isEqualTo(KeyFigure.SUPPRESSED);
        assertThat(figure(navestad, "andel_av_befolkningen", "2022-06", null).value()).isNull();
        List<KeyFigure> hageby = service.compute(YearMonth.of(2022, 6), YearMonth.of(2022, 6), "Hageby");
        assertThat(figure(hageby, "hushall_per_manad", "2022-06", null).value()).isZero();
    }

    @Test
    void apiTakesTheUnitNamesItAndTheConfiguredUnitsAndRefusesAnUnknownOne() {
        Http http = new Http(port);
        var json = http.get("/api/nyckeltal?from=2022-01&to=2022-12&enhet=" + SKARBLACKA.toLowerCase(), "chef1");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"enhet\":\"Skärblacka\"",
                "\"enheter\":[\"Centrum\",\"Hageby\",\"Navestad\",\"Skärblacka\"]",
                "\"category\":\"ARBETE\"", "\"note\":\"" + KeyFigure.SUPPRESSED + "\"");
        var unknown = http.get("/api/nyckeltal?from=2022-01&to=2022-12&enhet=Norrk%C3%B6ping", "chef1");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"enhet\"");
        var csv = http.send(http.request("/api/nyckeltal?from=2022-01&to=2022-12&enhet=" + SKARBLACKA, "teamledare1")
                .header("Accept", "text/csv").GET().build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("id;nyckeltal;manad;ar;kategori;varde;taljare;namnare;anmarkning\n")
                .contains("\navslut_per_orsak;Avslut: Arbete (osubventionerat);;;ARBETE;5.0;;;\n")
                .contains("\nklienter_per_fas;Klienter i fas: I insats;2022-03;;i_insats;5.0;;;\n")
                .contains("\noverklaganden;Överklaganden: Ändrat vid omprövning;;;andrat_vid_omprovning;;;;"
                        + KeyFigure.SUPPRESSED + "\n");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("nyckeltal-2022-01-2022-12-Sk_rblacka.csv");
        assertThat(http.get("/api/nyckeltal?from=2022-01&to=2022-12&enhet=" + SKARBLACKA, "handlaggare1").statusCode())
                .isEqualTo(403);
    }
}
