package se.stegvis.norm.process;

import static se.stegvis.norm.process.RiksnormUpdateProcess.*;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.stegvis.norm.domain.RiksnormTable;

/**
 * What the rest of Stegvis asks of the riksnorm's upkeep: a year that is missing becomes one task for the process
 * owner (in {@code riksnorm-uppdatering}), and the processes waiting for a year go on once the table has it.
 */
@Service
public class RiksnormRequests {

    private static final Logger log = LoggerFactory.getLogger(RiksnormRequests.class);

    private final RuntimeService runtimeService;
    private final RiksnormTable table;

    public RiksnormRequests(RuntimeService runtimeService, RiksnormTable table) {
        this.runtimeService = runtimeService;
        this.table = table;
    }

    /**
     * Makes sure the process owner is asked to add {@code year}: starts a check of the year in
     * {@code riksnorm-uppdatering} unless the table has the year already (a process waiting on it goes on with the
     * next deployment or retry, and a check would only resume it into the same gap again) or a check is already
     * running for it (the December reminder, or an earlier application's request). Returns whether a check was
     * started.
     */
    public boolean requestYear(int year) {
        if (table.hasYear(year)) {
            return false;
        }
        long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(VAR_NORM_YEAR, year).active().count();
        if (running > 0) {
            return false;
        }
        runtimeService.createMessageCorrelation(MESSAGE_CHECK_REQUESTED)
                .processInstanceBusinessKey("riksnorm-" + year)
                .setVariable(VAR_NORM_YEAR, year)
                .correlateStartMessage();
        log.info("Riksnorm for {} is missing: the process owner is asked to add it", year);
        return true;
    }

    /**
     * Every process instance waiting for a year's riksnorm ({@link RiksnormUpdateProcess#VAR_WAITING_FOR_YEAR}) whose
     * year the deployed table now answers for gets {@link RiksnormUpdateProcess#MESSAGE_NORM_AVAILABLE}. Returns the
     * years resumed.
     */
    public List<Integer> resumeWaiting() {
        TreeSet<Integer> years = new TreeSet<>();
        for (VariableInstance waiting : runtimeService.createVariableInstanceQuery()
                .variableName(VAR_WAITING_FOR_YEAR).list()) {
            if (waiting.getValue() instanceof Number year) {
                years.add(year.intValue());
            }
        }
        List<Integer> resumed = years.stream().filter(Objects::nonNull).filter(table::hasYear).toList();
        for (int year : resumed) {
            int count = runtimeService.createMessageCorrelation(MESSAGE_NORM_AVAILABLE)
                    .processInstanceVariableEquals(VAR_WAITING_FOR_YEAR, year)
                    .correlateAllWithResult().size();
            log.info("Riksnorm for {} is deployed: {} waiting process instances go on", year, count);
        }
        return resumed;
    }
}
