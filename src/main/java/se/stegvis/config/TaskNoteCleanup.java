package se.stegvis.config;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, once in the installation ({@link OncePerDay}): the notes of cases the engine's history cleanup has
 * removed go too, so a note lives no longer than the case it belongs to (stegvis.retention).
 */
@Component
public class TaskNoteCleanup {

    static final String JOB = "task-note-cleanup";
    private static final Logger log = LoggerFactory.getLogger(TaskNoteCleanup.class);

    private final TaskNotes notes;
    private final OncePerDay oncePerDay;
    private final Clock clock;

    public TaskNoteCleanup(TaskNotes notes, OncePerDay oncePerDay, Clock clock) {
        this.notes = notes;
        this.oncePerDay = oncePerDay;
        this.clock = clock;
    }

    @Scheduled(cron = "${stegvis.retention.task-note-cron:0 30 2 * * *}")
    public void nightly() {
        oncePerDay.run(JOB, LocalDate.now(clock), notes::deleteOrphans)
                .ifPresent(deleted -> log.info("{} task notes of removed cases deleted", deleted));
    }
}
