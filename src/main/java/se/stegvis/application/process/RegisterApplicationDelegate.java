package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.ApplicationService;
import se.stegvis.application.api.SubmitApplicationMapper;
import se.stegvis.application.api.SubmitApplicationRequest;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ExtraNeedKind;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.norm.api.TrialCalculationRequest;
import se.stegvis.norm.domain.IncomeKind;
import se.stegvis.norm.domain.LawfulResidence;

/**
 * "Registrera ansökan", the step after the start: a caseworker's start form in Tasklist ("ansokan-start") is checked
 * by the same rules as the e-service's API, stored as an application, and its fields are removed from the process,
 * which keeps only the application's id. A started-by-API instance already has its id and is only bound to it.
 *
 * <p>Synchronous, in the start's own transaction (the model guard allows it right after a start form): a rule broken
 * refuses the start with a message naming the field, nothing is stored, and the form's fields (the personnummer among
 * them) never reach the database as variables nor, by {@link ApplicationFormFields}, the history.
 */
@Component
public class RegisterApplicationDelegate implements JavaDelegate {

    /** The start form's fields, removed once the application is stored. */
    public static final List<String> FORM_FIELDS = List.of("personnummer", "medsokande", "manad", "ansokningstyp",
            "vuxna", "barnsAldrar", "barnUtanLunchHemma", "andraIBostaden", "hyra", "hushallsel", "arbetsresor", "hemforsakring", "fackAkassa",
            "lon", "ovrigaInkomster", "tillaggsbehov", "tillaggsbelopp", "enhet", "vistasLagligt", "andrahandsuthyrning",
            "samtyckeAndrahand", "tillaggsslag");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("personnummer", "Personnummer"), Map.entry("coApplicantPersonnummer", "Medsökandes personnummer"),
            Map.entry("month", "Månad"), Map.entry("kind", "Typ av ansökan"), Map.entry("adults", "Vuxna i ansökan"),
            Map.entry("childrenAges", "Barnens åldrar"), Map.entry("children", "Barnens åldrar"), Map.entry("othersSharingHousehold", "Andra i bostaden"),
            Map.entry("extraNeed", "Tilläggsbehov"), Map.entry("enhet", "Enhet"),
            Map.entry("lawfulResidence", "Vistas lagligt i Sverige"), Map.entry("vistasLagligt", "Vistas lagligt i Sverige"),
            Map.entry("secondHandLetConsent", "Samtycke till andrahandsuthyrningen"),
            Map.entry("tillaggsslag", "Vad gäller tilläggsbehovet"));

    private final ApplicationService applications;
    private final SubmitApplicationMapper mapper;
    private final IdentityService identityService;

    public RegisterApplicationDelegate(ApplicationService applications, SubmitApplicationMapper mapper,
                                       IdentityService identityService) {
        this.applications = applications;
        this.mapper = mapper;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (EkonomisktBistandProcess.hasApplicationId(execution)) {
            // Started by Stegvis' API (a person's start with an applicationId is refused before: it is no form field).
            applications.bindProcess(EkonomisktBistandProcess.applicationId(execution), execution.getProcessInstanceId());
            return;
        }
        SubmitApplicationRequest request = fromForm(execution);
        Application application;
        try {
            mapper.validate(request);
            var auth = identityService.getCurrentAuthentication();
            application = applications.register(mapper.toCommand(request), auth == null ? "tasklist" : auth.getUserId(), null);
        } catch (ConflictException e) {
            throw e;
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(e.field(), (e.field() == null ? "" : label(e.field()) + ": ")
                    + e.getMessage());
        }
        FORM_FIELDS.forEach(execution::removeVariable);
        execution.setVariable(APPLICATION_ID, application.getId().toString());
        execution.setProcessBusinessKey(application.getId().toString());
        application.setProcessInstanceId(execution.getProcessInstanceId());
    }

    /** The form's label for an API field: the children's ages, or the ones not eating lunch at home. */
    static String label(String apiField) {
        if (apiField.startsWith("children[") && apiField.endsWith(".lunchAtHome")) {
            return "Barn som inte äter lunch hemma";
        }
        String field = apiField.replaceAll("[\\[.].*", "");
        return LABELS.getOrDefault(field, field);
    }

    private SubmitApplicationRequest fromForm(DelegateExecution e) {
        String kindText = text(e, "ansokningstyp");
        ApplicationKind kind;
        try {
            kind = kindText == null ? null : ApplicationKind.valueOf(kindText);
        } catch (IllegalArgumentException ex) {
            throw new InvalidRequestException("ansokningstyp", "Typ av ansökan: okänd typ " + kindText);
        }
        String adults = text(e, "vuxna");
        List<Integer> ages = ages(text(e, "barnsAldrar"), "barnsAldrar", "Barnens åldrar");
        List<TrialCalculationRequest.Child> children = children(ages, ages(text(e, "barnUtanLunchHemma"),
                "barnUtanLunchHemma", "Barn som inte äter lunch hemma"));
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
                ? new SubmitApplicationRequest.ExtraNeed(text(e, "tillaggsbehov"), amount(e, "tillaggsbelopp"),
                        choice(e, "tillaggsslag", ExtraNeedKind.class)) : null;
        Long others = amount(e, "andraIBostaden");
        boolean secondHandLet = EkonomisktBistandProcess.flag(e, "andrahandsuthyrning");
        return new SubmitApplicationRequest(text(e, "personnummer"), text(e, "medsokande"), text(e, "manad"), kind,
                adults == null ? null : Integer.valueOf(adults), null, children, others == null ? 0 : others.intValue(),
                costs, incomes, kinds, extra, null, text(e, "enhet"), null,
                choice(e, "vistasLagligt", LawfulResidence.class), secondHandLet,
                secondHandLet ? EkonomisktBistandProcess.flag(e, "samtyckeAndrahand") : null);
    }

    /** A select or radio field's value as one of the enum's constants; empty = null, anything else refused. */
    private static <E extends Enum<E>> E choice(DelegateExecution e, String name, Class<E> type) {
        String value = text(e, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException ex) {
            throw new InvalidRequestException(name, "okänt val " + value);
        }
    }

    /** Whole years with commas between ("4, 8"); empty for none. */
    static List<Integer> ages(String text, String field, String label) {
        List<Integer> ages = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                try {
                    ages.add(Integer.valueOf(part.strip()));
                } catch (NumberFormatException ex) {
                    throw new InvalidRequestException(field, label + ": skriv hela år med komma emellan, t.ex. 4, 8");
                }
            }
        }
        return ages;
    }

    /**
     * The children, in the order of their ages; each age listed as not eating lunch at home marks one child of that
     * age who has not been marked yet. An age without such a child is refused, naming the field.
     */
    static List<TrialCalculationRequest.Child> children(List<Integer> ages, List<Integer> withoutLunch) {
        boolean[] elsewhere = new boolean[ages.size()];
        for (int age : withoutLunch) {
            int child = -1;
            for (int i = 0; i < ages.size() && child < 0; i++) {
                if (ages.get(i) == age && !elsewhere[i]) {
                    child = i;
                }
            }
            if (child < 0) {
                boolean markedAlready = ages.contains(age);
                throw new InvalidRequestException("barnUtanLunchHemma", "Barn som inte äter lunch hemma: det finns inget "
                        + (markedAlready ? "mer " : "") + "barn på " + age + " år bland barnens åldrar.");
            }
            elsewhere[child] = true;
        }
        List<TrialCalculationRequest.Child> children = new ArrayList<>();
        for (int i = 0; i < ages.size(); i++) {
            children.add(new TrialCalculationRequest.Child(ages.get(i), !elsewhere[i]));
        }
        return children;
    }

    private static String text(DelegateExecution e, String name) {
        return EkonomisktBistandProcess.formText(e, name);
    }

    private static Long amount(DelegateExecution e, String name) {
        try {
            return EkonomisktBistandProcess.amount(e, name);
        } catch (IllegalArgumentException ex) {
            throw new InvalidRequestException(name, name + ": " + ex.getMessage());
        }
    }
}
