package se.stegvis.simulation;

import java.time.LocalDate;
import java.util.Random;
import org.camunda.bpm.engine.task.Task;

/**
 * An open user task of a simulated household, as one of the simulated roles sees it.
 *
 * @param processKey the key of the task's process definition
 * @param today      the simulated day
 */
record SimulatedTask(Task task, String processKey, HouseholdState state, LocalDate today) {

    SimulatedHousehold household() {
        return state.household;
    }

    Random random() {
        return state.household.random();
    }

    String key() {
        return task.getTaskDefinitionKey();
    }

    boolean chance(double p) {
        return random().nextDouble() < p;
    }

    int between(int lowest, int highest) {
        return lowest + random().nextInt(highest - lowest + 1);
    }
}
