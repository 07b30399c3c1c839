package se.stegvis.norm.domain;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The municipality's ceiling for a reasonable housing cost, from the deployed decision table
 * {@code processes/skalig-boendekostnad.dmn}. The process owner sets the amounts; a household size the table does not
 * answer for is an error, never zero.
 */
@Component
public class HousingCostCeiling {

    public static final String DECISION = "skalig-boendekostnad";

    private final DeployedDecisions decisions;

    public HousingCostCeiling(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /** The highest housing cost (kr per month) accepted for a household of this many persons. */
    public long ceiling(int householdSize) {
        DmnDecisionResult result = decisions.evaluate(DECISION,
                Variables.createVariables().putValue("hushallsstorlek", householdSize));
        if (result.isEmpty() || !(result.getSingleResult().getSingleEntry() instanceof Number amount)) {
            throw new IllegalStateException("Tabellen " + DECISION + " saknar tak för " + householdSize
                    + " personer. En processägare lägger in det i processes/skalig-boendekostnad.dmn.");
        }
        return amount.longValue();
    }
}
