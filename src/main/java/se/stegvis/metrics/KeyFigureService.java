package se.stegvis.metrics;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key figures for a period of whole months, exactly as docs/nyckeltal.md defines them, optionally restricted to
 * the clients of one unit (enhet). Each figure group is computed by SQL aggregation in the database — a handful of
 * queries, no rows of cases loaded into memory — so that the answer stays quick at a nation's volume:
 * "Bistånd" in {@link AssistanceFigures}, "Handläggning" in {@link CaseHandlingFigures} and {@link AppealFigures},
 * "Klientresan" in {@link JourneyFigures}, "Avslut och resultat" in {@link ExitFigures} and "Aktivitetskrav" in
 * {@link ActivityRequirementFigures}. They share the period and
 * unit filtering of {@link FigureScope}; a new group is one more class with its queries, added below.
 */
@Service
public class KeyFigureService {

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    private final KeyFigureSettings settings;
    private final Clock clock;
    private volatile SqlDialect dialect;

    public KeyFigureService(NamedParameterJdbcTemplate jdbc, DataSource dataSource, KeyFigureSettings settings,
                            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every figure for the whole municipality. */
    public List<KeyFigure> compute(YearMonth from, YearMonth to) {
        return compute(from, to, null);
    }

    /**
     * Every figure, restricted to the clients of {@code unit} unless it is null (the caller checks that the unit is
     * configured). Per unit, a figure resting on 1–4 cases is suppressed ({@link Figures}).
     */
    @Transactional(readOnly = true)
    public List<KeyFigure> compute(YearMonth from, YearMonth to, String unit) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
        FigureScope scope = new FigureScope(from, to, unit, clock.getZone(), clock.instant(), dialect());
        if (scope.dialect() == SqlDialect.POSTGRESQL) {
            // Room for the figures' sorts and hashes in memory, for this transaction only (the default is 4 MB).
            jdbc.getJdbcTemplate().execute("set local work_mem = '64MB'");
        }
        Figures out = new Figures(scope.perUnit());
        AssistanceFigures.addTo(out, scope, jdbc, settings.population());
        CaseHandlingFigures.addTo(out, scope, jdbc);
        AppealFigures.addTo(out, scope, jdbc);
        JourneyFigures.addTo(out, scope, jdbc);
        ExitFigures.addTo(out, scope, jdbc);
        ActivityRequirementFigures.addTo(out, scope, jdbc);
        return out.list();
    }

    private SqlDialect dialect() {
        if (dialect == null) {
            dialect = SqlDialect.of(dataSource);
        }
        return dialect;
    }
}
