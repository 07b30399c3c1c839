package se.stegvis.activity;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The months a client was granted försörjningsstöd, read from the decisions: a monthly application (not a
 * tilläggsansökan, which is livsföringen i övrigt) whose standing decision — the latest, not replaced by a
 * reconsideration — is bifall or delvis bifall with an amount. Read by SQL, like the key figures, so the feature needs
 * no code of application/.
 */
@Component
public class GrantedMonths {

    /**
     * The application {@code a} is a month of försörjningsstöd granted by its standing decision {@code d}, as SQL: the
     * one definition, also used by the key figures (metrics/ActivityRequirementFigures).
     */
    public static final String GRANTED = "a.kind in ('NYANSOKAN', 'ATERANSOKAN') and d.kind in ('BIFALL', 'DELVIS_BIFALL')"
            + " and d.amount > 0 and not exists (select 1 from decision r where r.replaces_decision_id = d.id)";

    static final String SQL = "select distinct a.for_month from application a join decision d on d.application_id = a.id"
            + " where a.client_id = ? and " + GRANTED;

    private final JdbcTemplate jdbc;

    public GrantedMonths(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<YearMonth> of(UUID clientId) {
        return jdbc.queryForList(SQL, String.class, clientId).stream().map(YearMonth::parse).toList();
    }
}
