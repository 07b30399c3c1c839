package se.stegvis.client.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.client.AccessLog;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.RequestValues;

/**
 * {@code GET /api/atkomstlogg?clientId=…&from=YYYY-MM-DD&to=YYYY-MM-DD}: who read which client's data, for the group
 * {@code loggranskare} (the municipality's follow-up of access to sensitive records). Both days are included; without
 * them the last 30 days. At most {@value #LIMIT} lines, the newest first.
 */
@RestController
@PreAuthorize("hasAuthority('loggranskare')")
public class AccessLogController {

    public static final String PATH = "/api/atkomstlogg";
    static final int LIMIT = 10_000;

    public record Line(long id, String tidpunkt, String anvandare, UUID klientId, String vad, String objektId,
                       String utfall) {}

    public record Answer(UUID klientId, String from, String to, int antal, boolean avkortad, List<Line> rader) {}

    private final AccessLog log;
    private final Clock clock;

    public AccessLogController(AccessLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @GetMapping(PATH)
    public Answer read(@RequestParam(required = false) String clientId, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to) {
        UUID client = RequestValues.optionalId(clientId, "clientId");
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(clock) : RequestValues.date(to, "to");
        LocalDate first = from == null || from.isBlank() ? last.minusDays(30) : RequestValues.date(from, "from");
        if (last.isBefore(first)) {
            throw new InvalidRequestException("to", "Perioden slutar före den börjar (to före from).");
        }
        ZoneId zone = clock.getZone();
        List<AccessLog.Entry> entries = log.find(client, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), LIMIT + 1);
        boolean truncated = entries.size() > LIMIT;
        List<Line> lines = entries.stream().limit(LIMIT)
                .map(e -> new Line(e.id(), e.readAt().atZone(zone).toOffsetDateTime().toString(), e.userId(),
                        e.clientId(), e.what(), e.objectId(), e.outcome().name()))
                .toList();
        return new Answer(client, first.toString(), last.toString(), lines.size(), truncated, lines);
    }
}
