package se.stegvis.config;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLiteralExpressionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.producer.DefaultDmnHistoryEventProducer;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The history of a decision evaluation without its values: which decision was evaluated, when, in which process
 * instance and activity ({@code ACT_HI_DECINST}) is kept — Cockpit shows process owners how often a table is used —
 * but no input ({@code ACT_HI_DEC_IN}), no output ({@code ACT_HI_DEC_OUT}) and no collected sum are written. The
 * inputs are the person's facts (insatsval: health limits, parental leave, education, Swedish level; the
 * delegation: the amount decided) and the outputs follow from them; nothing reads them (the key figures come from
 * Stegvis' own tables, docs/nyckeltal.md), and the case records keep what was decided and why. Rows written before
 * this were removed by the migration {@code V15_70__DecisionHistoryWithoutValues}.
 */
public class DecisionHistoryWithoutValues extends DefaultDmnHistoryEventProducer {

    @Override
    protected List<HistoricDecisionInputInstance> createHistoricDecisionInputInstances(
            DmnDecisionTableEvaluationEvent evaluationEvent, String rootProcessInstanceId, Date removalTime) {
        return new ArrayList<>();
    }

    @Override
    protected List<HistoricDecisionOutputInstance> createHistoricDecisionOutputInstances(
            DmnDecisionTableEvaluationEvent evaluationEvent, String rootProcessInstanceId, Date removalTime) {
        return new ArrayList<>();
    }

    @Override
    protected Double getCollectResultValue(TypedValue collectResultValue) {
        return null;
    }

    @Override
    protected void initDecisionInstanceEventForDecisionLiteralExpression(HistoricDecisionInstanceEntity event,
                                                                         DmnDecisionLiteralExpressionEvaluationEvent evaluationEvent) {
        event.setInputs(new ArrayList<>());
        event.setOutputs(new ArrayList<>());
    }
}
