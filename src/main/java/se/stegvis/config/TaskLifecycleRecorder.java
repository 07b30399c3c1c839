package se.stegvis.config;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Keeps Stegvis' own record of a user task's life: a bean a model names on a user task with the extension property
 * {@value TaskLifecyclePlugin#PROPERTY} ({@link TaskLifecyclePlugin}). What it gets is what only the engine sees —
 * the task created with its due date, the due date changed in Tasklist, the task completed, the task deleted with
 * its scope — so no service task of the diagram could record it. It records and never refuses (validation belongs
 * to the task's listeners).
 */
public interface TaskLifecycleRecorder {

    /** The task was created (its due date set from the model). */
    void created(DelegateTask task);

    /** The task was updated: its due date may have changed. */
    void updated(DelegateTask task);

    /** The task was completed. */
    void completed(DelegateTask task);

    /** The task was deleted before completion (its scope ended: an interrupting event, the journey's end). */
    void deleted(DelegateTask task);
}
