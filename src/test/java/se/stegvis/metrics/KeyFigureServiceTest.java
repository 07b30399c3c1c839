package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.domain.SupplementRequest;
import se.stegvis.application.domain.SupplementRequestRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.letter.DecisionKind;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.ReasonableCosts;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * Each figure of docs/nyckeltal.md ("Bistånd", "Handläggning") on a hand-built fixture in 2023, a year no other
 * test writes to, with the expected numbers worked out by hand below.
 */
@StegvisSpringTest
class KeyFigureServiceTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static boolean built;

    @LocalServerPort int port;
    @Autowired KeyFigureService service;
    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired SupplementRequestRepository supplements;
    @Autowired PaymentRepository payments;
    @Autowired TransactionTemplate tx;

    /*
     * A: 1 adult + 1 child, granted Jan–Oct 2023 (10 months: long-term), decided 3 days after complete; paid 5 000 in Jan.
     * B: 1 adult, granted Feb, nothing in Mar, granted Apr (exit and return); 12 and 5 days; Apr attested.
     * C: refused in Mar (0 kr): not a household with assistance; decided 20 days after complete (late), komplettering,
     *    attested.
     * D: a tilläggsansökan in Mar, granted: not counted as a household; 1 day.
     * First decisions in 2023: 14, days sorted [1, 3×10, 5, 12, 20] → median (rank 7) 3, p90 (rank 13) 12;
     * in time (due = complete + 14 days) 13 of 14; komplettering 1 of 14; attested 2 of 14.
     */
    @org.junit.jupiter.api.BeforeEach
    void fixture() {
        if (built) {
            return;
        }
        built = true;
        SyntheticPersonnummer pnr = new SyntheticPersonnummer(new Random(2023));
        tx.executeWithoutResult(s -> {
            Client a = clients.save(new Client(pnr.next(), Instant.parse("2023-01-01T10:00:00Z")));
            Client b = clients.save(new Client(pnr.next(), Instant.parse("2023-01-01T10:00:00Z")));
            Client c = clients.save(new Client(pnr.next(), Instant.parse("2023-01-01T10:00:00Z")));
            Client d = clients.save(new Client(pnr.next(), Instant.parse("2023-01-01T10:00:00Z")));
            for (int m = 1; m <= 10; m++) {
                Decision decision = decided(a, YearMonth.of(2023, m), Household.withAges(1, List.of(7), 0),
                        ApplicationKind.ATERANSOKAN, 4000, 3, null);
                if (m == 1) {
                    Payment p = new Payment(decision.getId(), a.getId(), 5000, LocalDate.of(2023, 1, 27),
                            Instant.parse("2023-01-10T10:00:00Z"));
                    p.confirm(Instant.parse("2023-01-27T10:00:00Z"));
                    payments.save(p);
                }
            }
            decided(b, YearMonth.of(2023, 2), new Household(1, List.of(), 0), ApplicationKind.NYANSOKAN, 3000, 12, null);
            decided(b, YearMonth.of(2023, 4), new Household(1, List.of(), 0), ApplicationKind.NYANSOKAN, 3000, 5,
                    "teamledare1");
            Decision refused = decided(c, YearMonth.of(2023, 3), new Household(1, List.of(), 0), ApplicationKind.NYANSOKAN,
                    0, 20, "teamledare1");
            supplements.save(new SupplementRequest(refused.getApplicationId(), "Lönebesked", "handlaggare1",
                    Instant.parse("2023-03-05T10:00:00Z"), LocalDate.of(2023, 3, 12)));
            decided(d, YearMonth.of(2023, 3), new Household(1, List.of(), 0), ApplicationKind.TILLAGGSANSOKAN, 900, 1, null);
        });
    }

    private Decision decided(Client client, YearMonth month, Household household, ApplicationKind kind, long amount,
                             int daysToDecision, String approver) {
        LocalDate decidedOn = month.atDay(10);
        LocalDate complete = decidedOn.minusDays(daysToDecision);
        Application application = new Application(client, month, kind, household, ReasonableCosts.NONE, List.of(),
                "etjanst", complete.atStartOfDay(SWEDEN).toInstant());
        application.setCompleteAt(complete.atTime(9, 0).atZone(SWEDEN).toInstant());
        application.setInvestigationDue(complete.plusDays(14));
        applications.save(application);
        return decisions.save(new Decision(application.getId(), amount > 0 ? DecisionKind.BIFALL : DecisionKind.AVSLAG,
                amount, amount > 0 ? null : "Inkomsterna räcker", "handlaggare1", approver,
                decidedOn.atTime(12, 0).atZone(SWEDEN).toInstant(), null));
    }

    private static Double value(List<KeyFigure> figures, String id, String month) {
        return figures.stream().filter(f -> f.id().equals(id) && java.util.Objects.equals(f.month(), month))
                .findFirst().orElseThrow(() -> new AssertionError(id + " " + month)).value();
    }

    private static KeyFigure figure(List<KeyFigure> figures, String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void assistanceFiguresPerMonth() {
        List<KeyFigure> f = service.compute(YearMonth.of(2023, 1), YearMonth.of(2023, 4));
        assertThat(value(f, "hushall_per_manad", "2023-01")).isEqualTo(1);
        assertThat(value(f, "hushall_per_manad", "2023-02")).isEqualTo(2);
        assertThat(value(f, "hushall_per_manad", "2023-03")).isEqualTo(1);
        assertThat(value(f, "hushall_per_manad", "2023-04")).isEqualTo(2);
        assertThat(value(f, "personer_per_manad", "2023-02")).isEqualTo(3);
        assertThat(value(f, "andel_av_befolkningen", "2023-02")).isEqualTo(0.003);
        assertThat(value(f, "inflode", "2023-01")).isEqualTo(1);
        assertThat(value(f, "inflode", "2023-02")).isEqualTo(1);
        assertThat(value(f, "inflode", "2023-03")).isEqualTo(0);
        assertThat(value(f, "utflode", "2023-03")).isEqualTo(1);
        assertThat(value(f, "inflode", "2023-04")).isEqualTo(1);
        assertThat(value(f, "utbetalt_per_manad", "2023-01")).isEqualTo(5000);
        assertThat(value(f, "utbetalt_per_manad", "2023-02")).isEqualTo(0);
        assertThat(figure(f, "langvarigt").year()).isEqualTo(2023);
        assertThat(figure(f, "langvarigt").value()).isEqualTo(1);
    }

    @Test
    void caseHandlingFiguresForTheYear() {
        List<KeyFigure> f = service.compute(YearMonth.of(2023, 1), YearMonth.of(2023, 12));
        assertThat(figure(f, "tid_till_beslut_median").value()).isEqualTo(3);
        assertThat(figure(f, "tid_till_beslut_p90").value()).isEqualTo(12);
        assertThat(figure(f, "andel_beslut_i_tid")).satisfies(k -> {
            assertThat(k.numerator()).isEqualTo(13);
            assertThat(k.denominator()).isEqualTo(14);
        });
        assertThat(figure(f, "kompletteringsgrad").numerator()).isEqualTo(1);
        assertThat(figure(f, "andel_attest")).satisfies(k -> {
            assertThat(k.numerator()).isEqualTo(2);
            assertThat(k.denominator()).isEqualTo(14);
            assertThat(k.value()).isEqualTo(0.1429);
        });
    }

    @Test
    void aPeriodWithNoDataGivesZeroCountsAndNoShares() {
        List<KeyFigure> f = service.compute(YearMonth.of(2019, 1), YearMonth.of(2019, 2));
        assertThat(value(f, "hushall_per_manad", "2019-01")).isEqualTo(0);
        assertThat(value(f, "andel_av_befolkningen", "2019-01")).isNull();
        assertThat(figure(f, "andel_beslut_i_tid").value()).isNull();
        assertThat(figure(f, "andel_beslut_i_tid").denominator()).isZero();
        assertThat(figure(f, "tid_till_beslut_median").value()).isNull();
    }

    @Test
    void apiGivesJsonAndCsvToManagersAndNamesTheParameterOnBadInput() {
        Http http = new Http(port);
        var json = http.get("/api/nyckeltal?from=2023-01&to=2023-04", "chef1");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"id\":\"hushall_per_manad\"", "\"definitions\":\"docs/nyckeltal.md\"",
                "\"enhet\":null", "\"enheter\":[\"Centrum\",\"Hageby\",\"Navestad\",\"Skärblacka\"]");
        var csv = http.send(http.request("/api/nyckeltal?from=2023-01&to=2023-04", "chef1")
                .header("Accept", "text/csv").GET().build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id;nyckeltal;manad;ar;kategori;varde;taljare;namnare;anmarkning\n")
                .contains("\nhushall_per_manad;Hushåll med bistånd;2023-02;;;2.0;;;\n");
        assertThat(http.get("/api/nyckeltal?from=2023-04&to=2023-01", "chef1").body()).contains("\"field\":\"to\"");
        assertThat(http.get("/api/nyckeltal?from=2023-4&to=2023-05", "chef1").body()).contains("\"field\":\"from\"");
        assertThat(http.get("/api/nyckeltal?from=2023-01&to=2023-02", "handlaggare1").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/nyckeltal?from=2023-01&to=2023-02", null).statusCode()).isEqualTo(401);
    }
}
