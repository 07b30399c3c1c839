package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import se.stegvis.placement.domain.PlacementType;

/**
 * At the end of "Föreslå insatser": turns the result list of insatsval (rule order: company-based first) into a text
 * the coach reads in the planning form, and the proposed types; the raw list is not kept in the process.
 */
@Component
public class SummarizeProposalsListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        List<String> lines = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Map<?, ?> entries : decisionResult(execution)) {
            if (entries.get("insats") == null) {
                continue;
            }
            String type = entries.get("insats").toString();
            if (types.contains(type)) {
                continue;
            }
            types.add(type);
            Object why = entries.get("motivering");
            lines.add((lines.size() + 1) + ". " + PlacementType.valueOf(type).label() + (why == null ? "" : ": " + why));
        }
        execution.removeVariable(DECISION_RESULT);
        execution.setVariable(PROPOSALS, lines.isEmpty()
                ? "Inga förslag från insatsval: välj insatser utifrån kartläggningen."
                : String.join("\n", lines));
        execution.setVariable(PROPOSED_TYPES, String.join(",", types));
    }
}
