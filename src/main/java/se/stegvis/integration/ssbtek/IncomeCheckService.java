package se.stegvis.integration.ssbtek;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationIncome;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationWarning;
import se.stegvis.application.domain.ApplicationWarning.Code;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.HousingCostCeiling;

/**
 * The automatic income check: looks the applicant (and co-applicant) up in the registers for the month applied for,
 * compares with the application ({@link IncomeCheckRules}) and stores the differences as warnings the caseworker
 * acknowledges before deciding.
 *
 * <p>Running it again for the same application replaces the warnings it made before that nobody has acknowledged yet,
 * and does not repeat a warning already acknowledged with the same text: a retried task or a second run never
 * duplicates warnings. The register is asked outside any database transaction, so a slow register holds no
 * connection.
 */
@Service
public class IncomeCheckService {

    /** The warnings this service makes, and so may replace when it runs again. */
    static final Set<Code> REGISTER_CODES = EnumSet.of(Code.INKOMST_EJ_UPPGIVEN, Code.INKOMST_ANDRAD,
            Code.HUSHALL_ANDRAT, Code.BOENDEKOSTNAD_ANDRAD, Code.KOSTNAD_OVER_TAK, Code.UPPGIFTER_EJ_KONTROLLERADE);

    static final String UNCHECKED_MESSAGE = "Uppgifter ej kontrollerade mot register: registren (SSBTEK) svarade inte."
            + " Kontrollera inkomster, hushåll och boendekostnad mot underlagen innan beslut.";

    private static final Logger log = LoggerFactory.getLogger(IncomeCheckService.class);

    private final ApplicationRepository applications;
    private final ApplicationWarningRepository warnings;
    private final IncomeRegister register;
    private final HousingCostCeiling ceiling;
    private final IncomeCheckRules rules;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnlyTransaction;

    public IncomeCheckService(ApplicationRepository applications, ApplicationWarningRepository warnings,
                              IncomeRegister register, HousingCostCeiling ceiling, SsbtekProperties properties,
                              PlatformTransactionManager transactionManager) {
        this.applications = applications;
        this.warnings = warnings;
        this.register = register;
        this.ceiling = ceiling;
        this.rules = new IncomeCheckRules(properties.tolerance());
        this.transaction = new TransactionTemplate(transactionManager);
        this.readOnlyTransaction = new TransactionTemplate(transactionManager);
        this.readOnlyTransaction.setReadOnly(true);
    }

    /**
     * Checks the application against the registers, stores the differences as warnings and marks it
     * {@code registerChecked}.
     *
     * @return the differences found (also those already acknowledged in an earlier run)
     * @throws RegisterUnavailableException when a register cannot answer; nothing is stored then
     * @throws ApplicationNotFoundException when there is no such application
     */
    public List<RegisterFinding> check(UUID applicationId) {
        Declared declared = readOnly(applicationId);
        RegisterAnswer answer = register.lookup(declared.applicant(), declared.month());
        if (declared.coApplicant() != null) {
            answer = answer.and(register.lookup(declared.coApplicant(), declared.month()));
        }
        long housingCeiling = ceiling.ceiling(declared.household().applicants());
        List<RegisterFinding> findings = rules.compare(declared.month(), declared.incomes(), declared.household(),
                declared.housing(), housingCeiling, answer);
        transaction.executeWithoutResult(status -> {
            Application application = load(applicationId);
            replaceWarnings(applicationId, findings);
            application.setRegisterChecked(true);
        });
        log.info("Income check of application {}: {} difference(s)", applicationId, findings.size());
        return findings;
    }

    /**
     * For the manual path when the registers could not be asked: adds the warning
     * {@link Code#UPPGIFTER_EJ_KONTROLLERADE} (once; calling again adds nothing while it is unacknowledged).
     */
    public void markUnchecked(UUID applicationId) {
        transaction.executeWithoutResult(status -> {
            load(applicationId);
            boolean present = warnings.findByApplicationIdOrderById(applicationId).stream()
                    .anyMatch(w -> w.getCode() == Code.UPPGIFTER_EJ_KONTROLLERADE && !w.isAcknowledged());
            if (!present) {
                warnings.save(new ApplicationWarning(applicationId, Code.UPPGIFTER_EJ_KONTROLLERADE, UNCHECKED_MESSAGE,
                        Instant.now()));
            }
        });
        log.info("Application {} continues without the register check", applicationId);
    }

    private void replaceWarnings(UUID applicationId, List<RegisterFinding> findings) {
        List<ApplicationWarning> existing = warnings.findByApplicationIdOrderById(applicationId).stream()
                .filter(w -> REGISTER_CODES.contains(w.getCode()))
                .toList();
        warnings.deleteAll(existing.stream().filter(w -> !w.isAcknowledged()).toList());
        Instant now = Instant.now();
        for (RegisterFinding finding : findings) {
            boolean acknowledged = existing.stream().anyMatch(w -> w.isAcknowledged()
                    && w.getCode() == finding.code() && w.getMessage().equals(finding.message()));
            if (!acknowledged) {
                warnings.save(new ApplicationWarning(applicationId, finding.code(), finding.message(), now));
            }
        }
    }

    private Declared readOnly(UUID applicationId) {
        return readOnlyTransaction.execute(status -> {
            Application a = load(applicationId);
            return new Declared(a.getClient().getPersonnummer(),
                    a.getCoApplicantPersonnummer() == null ? null : new Personnummer(a.getCoApplicantPersonnummer()),
                    a.getMonth(), a.getIncomes(), a.household(), a.costs().housing());
        });
    }

    private Application load(UUID applicationId) {
        return applications.findById(applicationId).orElseThrow(() -> new ApplicationNotFoundException(applicationId));
    }

    /** What the check needs of an application, read in one short transaction. */
    private record Declared(Personnummer applicant, Personnummer coApplicant, YearMonth month,
                            List<ApplicationIncome> incomes, Household household, long housing) {}

    /** The application to check does not exist (a bad id in the process): not worth retrying. */
    public static class ApplicationNotFoundException extends RuntimeException {
        public ApplicationNotFoundException(UUID applicationId) {
            super("Ansökan " + applicationId + " finns inte");
        }
    }
}
