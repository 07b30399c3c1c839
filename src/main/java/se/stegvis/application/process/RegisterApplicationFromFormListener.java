package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import se.stegvis.application.ApplicationService;
import se.stegvis.application.api.SubmitApplicationMapper;
import se.stegvis.application.api.SubmitApplicationRequest;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.norm.api.TrialCalculationRequest;
import se.stegvis.norm.domain.IncomeKind;

/**
 * A caseworker's start form in Tasklist ("ansokan-start"): the form's fields are checked by the same rules as the
 * e-service's API, stored as an application, and removed from the process, which keeps only the application's id.
 * A started-by-API instance already has its id and passes untouched. A rule broken refuses the start with a message
 * naming the field; nothing is stored.
 */
@Component
public class RegisterApplicationFromFormListener implements ExecutionListener {

    /** The start form's fields, removed once the application is stored. */
    public static final List<String> FORM_FIELDS = List.of("personnummer", "medsokande", "manad", "ansokningstyp",
            "vuxna", "barnsAldrar", "andraIBostaden", "hyra", "hushallsel", "arbetsresor", "hemforsakring", "fackAkassa",
            "lon", "ovrigaInkomster", "tillaggsbehov", "tillaggsbelopp", "enhet");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("personnummer", "Personnummer"), Map.entry("coApplicantPersonnummer", "Medsökandes personnummer"),
            Map.entry("month", "Månad"), Map.entry("kind", "Typ av ansökan"), Map.entry("adults", "Vuxna i ansökan"),
            Map.entry("childrenAges", "Barnens åldrar"), Map.entry("othersSharingHousehold", "Andra i bostaden"),
            Map.entry("extraNeed", "Tilläggsbehov"), Map.entry("enhet", "Enhet"));

    private final ApplicationService applications;
    private final SubmitApplicationMapper mapper;
    private final IdentityService identityService;

    public RegisterApplicationFromFormListener(ApplicationService applications, SubmitApplicationMapper mapper,
                                               IdentityService identityService) {
        this.applications = applications;
        this.mapper = mapper;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (EkonomisktBistandProcess.hasApplicationId(execution)) {
            return;
        }
        SubmitApplicationRequest request = fromForm(execution);
        Application application;
        try {
            mapper.validate(request);
            var auth = identityService.getCurrentAuthentication();
            application = applications.register(mapper.toCommand(request), auth == null ? "tasklist" : auth.getUserId(), null);
        } catch (InvalidRequestException e) {
            String field = e.field().replaceAll("[\\[.].*", "");
            throw new ProcessEngineException(LABELS.getOrDefault(field, field) + ": " + e.getMessage());
        }
        FORM_FIELDS.forEach(execution::removeVariable);
        execution.setVariable(APPLICATION_ID, application.getId().toString());
        execution.setProcessBusinessKey(application.getId().toString());
        application.setProcessInstanceId(execution.getProcessInstanceId());
    }

    private SubmitApplicationRequest fromForm(DelegateExecution e) {
        String kindText = text(e, "ansokningstyp");
        ApplicationKind kind;
        try {
            kind = kindText == null ? null : ApplicationKind.valueOf(kindText);
        } catch (IllegalArgumentException ex) {
            throw new ProcessEngineException("Typ av ansökan: okänd typ " + kindText);
        }
        String adults = text(e, "vuxna");
        List<Integer> ages = new ArrayList<>();
        String agesText = text(e, "barnsAldrar");
        if (agesText != null) {
            for (String part : agesText.split(",")) {
                try {
                    ages.add(Integer.valueOf(part.strip()));
                } catch (NumberFormatException ex) {
                    throw new ProcessEngineException("Barnens åldrar: skriv hela år med komma emellan, t.ex. 4, 8");
                }
            }
        }
        Map<String, Long> incomes = new LinkedHashMap<>();
        Map<String, IncomeKind> kinds = new LinkedHashMap<>();
        Long salary = amount(e, "lon");
        if (salary != null && salary > 0) {
            incomes.put("Lön", salary);
            kinds.put("Lön", IncomeKind.EMPLOYMENT);
        }
        Long other = amount(e, "ovrigaInkomster");
        if (other != null && other > 0) {
            incomes.put("Övriga inkomster", other);
        }
        var costs = new TrialCalculationRequest.Costs(amount(e, "hyra"), amount(e, "hushallsel"), amount(e, "arbetsresor"),
                amount(e, "hemforsakring"), amount(e, "fackAkassa"));
        var extra = kind == ApplicationKind.TILLAGGSANSOKAN
                ? new SubmitApplicationRequest.ExtraNeed(text(e, "tillaggsbehov"), amount(e, "tillaggsbelopp")) : null;
        Long others = amount(e, "andraIBostaden");
        return new SubmitApplicationRequest(text(e, "personnummer"), text(e, "medsokande"), text(e, "manad"), kind,
                adults == null ? null : Integer.valueOf(adults), ages, others == null ? 0 : others.intValue(), costs,
                incomes, kinds, extra, null, text(e, "enhet"));
    }

    private static String text(DelegateExecution e, String name) {
        return EkonomisktBistandProcess.formText(e, name);
    }

    private static Long amount(DelegateExecution e, String name) {
        try {
            return EkonomisktBistandProcess.amount(e, name);
        } catch (IllegalArgumentException ex) {
            throw new ProcessEngineException(name + ": " + ex.getMessage());
        }
    }
}
