package se.stegvis.metrics.api;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.metrics.KeyFigure;
import se.stegvis.metrics.KeyFigureService;

/** {@code GET /api/nyckeltal?from=YYYY-MM&to=YYYY-MM}: JSON, or CSV for the municipality's own reporting. */
@RestController
@RequestMapping("/api/nyckeltal")
@PreAuthorize("hasAnyAuthority('chef','teamledare','camunda-admin')")
public class KeyFigureController {

    public record KeyFigures(String from, String to, String definitions, List<KeyFigure> figures) {}

    private final KeyFigureService service;

    public KeyFigureController(KeyFigureService service) {
        this.service = service;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public KeyFigures json(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        YearMonth f = month(from, "from");
        YearMonth t = month(to, "to");
        if (t.isBefore(f)) {
            throw new InvalidRequestException("to", "Perioden slutar före den börjar (to före from).");
        }
        return new KeyFigures(f.toString(), t.toString(), "docs/nyckeltal.md", service.compute(f, t));
    }

    @GetMapping(produces = "text/csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        KeyFigures figures = json(from, to);
        StringBuilder csv = new StringBuilder("id;nyckeltal;manad;ar;varde;taljare;namnare\n");
        for (KeyFigure k : figures.figures()) {
            csv.append(k.id()).append(';').append(k.label().replace(';', ',')).append(';')
                    .append(k.month() == null ? "" : k.month()).append(';')
                    .append(k.year() == null ? "" : k.year()).append(';')
                    .append(k.value() == null ? "" : k.value()).append(';')
                    .append(k.numerator() == null ? "" : k.numerator()).append(';')
                    .append(k.denominator() == null ? "" : k.denominator()).append('\n');
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"nyckeltal-" + figures.from() + "-" + figures.to() + ".csv\"")
                .body(csv.toString());
    }

    private static YearMonth month(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(parameter, "Ange månad som ÅÅÅÅ-MM.");
        }
        try {
            if (!value.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeException(value);
            }
            return YearMonth.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidRequestException(parameter, "Ogiltig månad \"" + value + "\": skriv ÅÅÅÅ-MM.");
        }
    }
}
