package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.journey.domain.Step;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.journey.domain.StepAssessmentRepository;
import se.stegvis.config.ModelerTemplate;

/** "Registrera stegbedömning": the follow-up conversation's step on the scale 1–6, with date, coach and reason. */
@Component
@ModelerTemplate(inputs = "journeyId")
public class RecordStepAssessmentDelegate implements JavaDelegate {

    private final StepAssessmentRepository assessments;
    private final Clock clock;

    public RecordStepAssessmentDelegate(StepAssessmentRepository assessments, Clock clock) {
        this.assessments = assessments;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer level = wholeNumber(execution, STEP);
        if (level == null) {
            throw new IllegalArgumentException("Stegbedömningen saknas");
        }
        StepAssessment assessment = assessments.save(new StepAssessment(journeyId(execution), LocalDate.now(clock),
                requiredString(execution, COMPLETED_BY), Step.ofLevel(level), requiredString(execution, STEP_REASON),
                clock.instant()));
        execution.setVariable(STEP_ASSESSMENT_ID, assessment.getId().toString());
        // The next conversation starts from an empty form.
        execution.removeVariable(STEP_REASON);
    }
}
