package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.journey.domain.EducationLevel;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.journey.domain.MappingRepository;
import se.stegvis.journey.domain.OwnGoal;
import se.stegvis.journey.domain.SwedishLevel;
import se.stegvis.config.ModelerTemplate;

/**
 * "Registrera kartläggning": stores the answers of the Kartläggning form as a {@link Mapping} and sets the inputs of
 * the decision insatsval from it (months since the last job 999 for one who never worked). The form's free texts and
 * health note are then removed from the process: the mapping is where they live.
 */
@Component
@ModelerTemplate(inputs = "journeyId")
public class RecordMappingDelegate implements JavaDelegate {

    private final MappingRepository mappings;
    private final Clock clock;

    public RecordMappingDelegate(MappingRepository mappings, Clock clock) {
        this.mappings = mappings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID journeyId = journeyId(execution);
        Mapping.Builder builder = Mapping.forJourney(journeyId)
                .education(EducationLevel.valueOf(requiredString(execution, Mapping.IN_EDUCATION_LEVEL)))
                .workHistory(string(execution, WORK_HISTORY))
                .swedish(SwedishLevel.valueOf(requiredString(execution, Mapping.IN_SWEDISH_LEVEL)))
                .childcareNeed(flag(execution, CHILDCARE_NEED))
                .parentalLeave(flag(execution, Mapping.IN_PARENTAL_LEAVE))
                .drivingLicence(flag(execution, DRIVING_LICENCE))
                .monthsSinceLastJob(neverWorked(wholeNumber(execution, Mapping.IN_MONTHS_SINCE_LAST_JOB)))
                .goal(OwnGoal.valueOf(requiredString(execution, Mapping.IN_OWN_GOAL)), string(execution, GOAL_OCCUPATION))
                .readyForCompanyPlacement(flag(execution, Mapping.IN_READY_FOR_COMPANY_PLACEMENT));
        if (flag(execution, Mapping.IN_HEALTH_LIMITS)) {
            builder.healthLimits(string(execution, HEALTH_LIMITS_DESCRIPTION));
        }
        Mapping mapping = mappings.save(builder.mappedBy(requiredString(execution, COMPLETED_BY), clock.instant()));
        execution.setVariable(MAPPING_ID, mapping.getId().toString());
        execution.setVariables(mapping.insatsvalInputs());
        // Stored in the mapping: the work history, health note and goal occupation leave the engine (issue #13).
        removeMappingFreeTexts(execution);
    }

    /** The form's "never had a job" is an empty field, or the table's own 999. */
    private static Integer neverWorked(Integer months) {
        return months == null || months >= Mapping.NEVER_WORKED_MONTHS ? null : months;
    }
}
