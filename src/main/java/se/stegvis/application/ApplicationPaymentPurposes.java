package se.stegvis.application;

import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.payment.PaymentPurposes;

/** A payment is for the month of the application its decision decided. */
@Service
public class ApplicationPaymentPurposes implements PaymentPurposes {

    private final DecisionRepository decisions;
    private final ApplicationRepository applications;

    public ApplicationPaymentPurposes(DecisionRepository decisions, ApplicationRepository applications) {
        this.decisions = decisions;
        this.applications = applications;
    }

    @Override
    public Optional<YearMonth> monthOf(UUID decisionId) {
        return decisions.findById(decisionId).flatMap(decision -> applications.findById(decision.getApplicationId()))
                .map(application -> application.getMonth());
    }
}
