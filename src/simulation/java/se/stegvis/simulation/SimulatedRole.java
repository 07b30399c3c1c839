package se.stegvis.simulation;

import java.time.LocalDate;

/**
 * The people who complete one process's user tasks in the simulation. One implementation per process, so that a
 * change of a process or its forms touches one small class.
 */
interface SimulatedRole {

    /** The process definition key whose tasks this role completes. */
    String processKey();

    /**
     * The working day the task will be completed on, asked when the task is first seen; null leaves it open for now,
     * and the role is asked again on the next working day (e.g. "Avsluta ärende", open until the client leaves).
     */
    LocalDate plan(SimulatedTask task);

    /** Completes the task with the variables its form would set. */
    void complete(SimulatedTask task);

    /** Thrown by {@link #complete} when the task cannot be done yet (e.g. no free place): try again in some days. */
    final class NotYet extends RuntimeException {
        final int workingDays;

        NotYet(String reason, int workingDays) {
            super(reason);
            this.workingDays = workingDays;
        }
    }
}
