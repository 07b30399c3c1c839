package se.stegvis.integration.ssbtek;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationIncome;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationWarning.Code;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.integration.ssbtek.SyntheticRegisterData.Person;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.IncomeKind;
import se.stegvis.norm.domain.ReasonableCosts;
import se.stegvis.support.StegvisSpringTest;

/** The synthetic register persons (seeded at start, since the test profile has demo users) and docs/ssbtek.md's cases. */
@StegvisSpringTest
class SyntheticRegisterDataTest {

    static final YearMonth NOW = YearMonth.now(ZoneId.of("Europe/Stockholm"));

    @Autowired SyntheticRegisterData seeder;
    @Autowired RegisterRecordRepository records;
    @Autowired IncomeCheckService incomeCheck;
    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired ApplicationWarningRepository warnings;

    final List<Client> createdClients = new ArrayList<>();
    final List<Application> createdApplications = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (Application a : createdApplications) {
            warnings.deleteAll(warnings.findByApplicationIdOrderById(a.getId()));
            applications.deleteById(a.getId());
        }
        clients.deleteAll(createdClients);
    }

    @Test
    void seededAtStartForTheMonthsAroundNowAndNotAgain() {
        assertThat(SyntheticRegisterData.PERSONS).hasSize(4).allSatisfy(p ->
                assertThat(SyntheticPersonnummer.isSynthetic(p.personnummer())).isTrue());
        assertThat(SyntheticRegisterData.PERSONS).extracting(Person::personnummer).doesNotHaveDuplicates();
        for (Person p : SyntheticRegisterData.PERSONS) {
            for (int i = -SyntheticRegisterData.MONTHS_AROUND; i <= SyntheticRegisterData.MONTHS_AROUND; i++) {
                assertThat(records.findByPersonnummerAndMonth(p.personnummer().value(), NOW.plusMonths(i).toString()))
                        .hasSize(p.incomes().size() + 2);
            }
        }
        long before = records.count();
        assertThat(seeder.seed(NOW)).isZero();
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void theDocumentationListsTheSeededPersons() throws IOException {
        String doc = Files.readString(Path.of("docs/ssbtek.md"));
        for (Person p : SyntheticRegisterData.PERSONS) {
            assertThat(doc).contains("`" + p.personnummer().formatted() + "` | " + p.about());
        }
    }

    @Test
    void singleWithSalaryAndBostadsbidrag() {
        Application a = apply(person(0), null, Household.of(1), 7_400, income("Lön", 9_400));
        assertThat(codes(incomeCheck.check(a.getId())))
                .containsExactly(Code.INKOMST_EJ_UPPGIVEN, Code.KOSTNAD_OVER_TAK);
    }

    @Test
    void coupleWithChildren() {
        Application a = apply(person(1), person(2), Household.of(2, 4, 9), 10_900,
                income("A-kassa", 11_500), income("Barnbidrag", 2_500));
        List<RegisterFinding> findings = incomeCheck.check(a.getId());
        // Sources in the order FK, SKV, AF, CSN, AKASSA; barnbidrag matches exactly, the couple is over no ceiling.
        assertThat(codes(findings)).containsExactly(Code.INKOMST_EJ_UPPGIVEN, Code.INKOMST_ANDRAD);
        assertThat(findings.get(0).message()).startsWith("CSN anger");
        assertThat(findings.get(1).message()).startsWith("Arbetslöshetskassan anger");
    }

    @Test
    void cohabitantDeclaringASingleHousehold() {
        Application a = apply(person(3), null, Household.of(1), 8_100, income("Aktivitetsstöd", 7_600));
        assertThat(codes(incomeCheck.check(a.getId()))).containsExactly(Code.HUSHALL_ANDRAT, Code.KOSTNAD_OVER_TAK);
    }

    static Personnummer person(int index) {
        return SyntheticRegisterData.PERSONS.get(index).personnummer();
    }

    static ApplicationIncome income(String name, long amount) {
        return new ApplicationIncome(name, IncomeKind.OTHER, amount);
    }

    static List<Code> codes(List<RegisterFinding> findings) {
        return findings.stream().map(RegisterFinding::code).toList();
    }

    Application apply(Personnummer applicant, Personnummer coApplicant, Household household, long housing,
                      ApplicationIncome... incomes) {
        Client client = clients.findByPersonnummer(applicant.value()).orElseGet(() -> {
            Client created = clients.save(new Client(applicant, Instant.now()));
            createdClients.add(created);
            return created;
        });
        Application application = new Application(client, NOW, ApplicationKind.NYANSOKAN, household,
                new ReasonableCosts(housing, 0, 0, 0, 0), List.of(incomes), "etjanst", Instant.now());
        application.setCoApplicantPersonnummer(coApplicant);
        applications.save(application);
        createdApplications.add(application);
        return application;
    }
}
