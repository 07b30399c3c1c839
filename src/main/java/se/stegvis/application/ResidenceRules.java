package se.stegvis.application;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationWarning;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.norm.domain.AssistanceForm;
import se.stegvis.norm.domain.AssistanceRules;
import se.stegvis.norm.domain.LawfulResidence;

/**
 * The rules on lawful residence for one application (decision table {@code laglig-vistelse} in
 * {@code processes/bistandsregler.dmn}, from 2027-01): what the application gets — the ordinary calculation
 * ({@link AssistanceForm#FULLT}), a decision on nödbistånd only ({@link AssistanceForm#NODBISTAND}), or the ordinary
 * calculation with a warning the caseworker must acknowledge in "Utred ansökan" ({@link AssistanceForm#UTRED}).
 */
@Service
public class ResidenceRules {

    private static final Logger log = LoggerFactory.getLogger(ResidenceRules.class);

    static final String NOT_INVESTIGATED = "Det är inte utrett om sökanden vistas lagligt i Sverige. Från januari 2027"
            + " har den som inte vistas lagligt rätt till bistånd endast i en akut nödsituation (nödbistånd): utred"
            + " vistelsen före beslut (prop. 2025/26:201, beslutstabellen laglig-vistelse).";

    private final ApplicationRepository applications;
    private final ApplicationWarningRepository warnings;
    private final AssistanceRules rules;
    private final Clock clock;

    public ResidenceRules(ApplicationRepository applications, ApplicationWarningRepository warnings,
                          AssistanceRules rules, Clock clock) {
        this.applications = applications;
        this.warnings = warnings;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Asks the table for the application's month and recorded residence, keeps the answer with the application and,
     * for {@link AssistanceForm#UTRED}, warns the caseworker once (a warning already there, acknowledged or not, is
     * not repeated when the application is checked again after a komplettering).
     */
    @Transactional
    public AssistanceForm check(UUID applicationId) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new IllegalArgumentException("Ansökan " + applicationId + " finns inte"));
        AssistanceForm form = rules.assistanceForm(application.getMonth(), application.lawfulResidence());
        application.setAssistanceForm(form);
        if (form == AssistanceForm.UTRED && warnings.findByApplicationIdOrderById(applicationId).stream()
                .noneMatch(w -> w.getCode() == ApplicationWarning.Code.VISTELSE_EJ_UTREDD)) {
            warnings.save(new ApplicationWarning(applicationId, ApplicationWarning.Code.VISTELSE_EJ_UTREDD,
                    NOT_INVESTIGATED, clock.instant()));
        }
        log.info("Application {}: assistance form {}", applicationId, form);
        return form;
    }

    /**
     * What the application would get if the caseworker's investigated residence were recorded (read-only: "Utred
     * ansökan" validates with it, "Registrera utredningen" records it).
     */
    @Transactional(readOnly = true)
    public AssistanceForm formIfInvestigated(UUID applicationId, LawfulResidence residence) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new IllegalArgumentException("Ansökan " + applicationId + " finns inte"));
        return rules.assistanceForm(application.getMonth(), residence);
    }

    /**
     * The caseworker has investigated the residence ("Utred ansökan"): it is recorded on the application and the table
     * asked again. Returns what the application gets now (for a month from 2027-01, NEJ gives nödbistånd only).
     */
    @Transactional
    public AssistanceForm recordInvestigated(UUID applicationId, LawfulResidence residence) {
        if (residence == LawfulResidence.EJ_KANT) {
            throw new IllegalArgumentException("an investigated residence is JA or NEJ");
        }
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new IllegalArgumentException("Ansökan " + applicationId + " finns inte"));
        application.setResidenceAndHousing(residence, application.isSecondHandLet(),
                application.getSecondHandLetConsent());
        AssistanceForm form = rules.assistanceForm(application.getMonth(), residence);
        application.setAssistanceForm(form);
        log.info("Application {}: residence investigated, assistance form {}", applicationId, form);
        return form;
    }
}
