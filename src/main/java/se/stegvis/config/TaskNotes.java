package se.stegvis.config;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notes written in task forms, kept in Stegvis' table {@code task_note} instead of the engine
 * ({@link TaskNotePlugin}): per case (the outermost process instance), in the order they were written. A task is
 * completed once, so a note is stored once per task and field.
 */
@Component
public class TaskNotes {

    /** A note: the case, the process and task it was written in, the form field, the text, who and when. */
    public record Note(String rootProcessInstanceId, String processInstanceId, String taskId, String taskName,
                       String field, String text, String writtenBy, Instant writtenAt) {}

    /** The longest note kept; the forms allow at most 1 000 characters. */
    static final int MAX_LENGTH = 4000;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfig.SWEDEN);

    private final JdbcTemplate jdbc;

    public TaskNotes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void store(Note note) {
        if (note.text().length() > MAX_LENGTH) {
            throw new InvalidRequestException(note.field(), "Anteckningen får vara högst " + MAX_LENGTH + " tecken.");
        }
        jdbc.update("insert into task_note (id, root_process_instance_id, process_instance_id, task_id, task_name, field,"
                        + " note, written_by, written_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(),
                note.rootProcessInstanceId(), note.processInstanceId(), note.taskId(), note.taskName(), note.field(),
                note.text(), note.writtenBy(), Timestamp.from(note.writtenAt()));
    }

    /** The notes of a case, oldest first. */
    public List<Note> of(String rootProcessInstanceId) {
        return jdbc.query("select * from task_note where root_process_instance_id = ? order by written_at, task_name",
                (rs, i) -> new Note(rs.getString("root_process_instance_id"), rs.getString("process_instance_id"),
                        rs.getString("task_id"), rs.getString("task_name"), rs.getString("field"), rs.getString("note"),
                        rs.getString("written_by"), rs.getTimestamp("written_at").toInstant()),
                rootProcessInstanceId);
    }

    /** The notes of a case as the forms show them: one paragraph per note, oldest first; empty without notes. */
    public String text(String rootProcessInstanceId) {
        StringBuilder text = new StringBuilder();
        for (Note note : of(rootProcessInstanceId)) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(WHEN.format(note.writtenAt())).append(", ")
                    .append(note.taskName() == null ? "uppgift" : note.taskName())
                    .append(note.writtenBy() == null ? "" : " (" + note.writtenBy() + ")").append(":\n")
                    .append(note.text());
        }
        return text.toString();
    }

    /** Deletes the notes of cases whose process instances are gone from the engine (the history cleanup removed them). */
    public int deleteOrphans() {
        return jdbc.update("delete from task_note n where not exists (select 1 from ACT_HI_PROCINST p"
                + " where p.ID_ = n.root_process_instance_id) and not exists (select 1 from ACT_RU_EXECUTION e"
                + " where e.PROC_INST_ID_ = n.root_process_instance_id)");
    }
}
