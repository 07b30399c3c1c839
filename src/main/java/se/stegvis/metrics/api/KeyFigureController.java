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
import se.stegvis.client.UnitSettings;

/**
 * {@code GET /api/nyckeltal?from=YYYY-MM&to=YYYY-MM[&enhet=...]}: JSON, or CSV for the municipality's own reporting.
 * The JSON names the selected unit ({@code enhet}, null for the whole municipality) and the configured units
 * ({@code enheter}) so that a view can offer them as a filter.
 */
@RestController
@RequestMapping("/api/nyckeltal")
@PreAuthorize("hasAnyAuthority('chef','teamledare','camunda-admin')")
public class KeyFigureController {

    public record KeyFigures(String from, String to, String enhet, List<String> enheter, String definitions,
                             List<KeyFigure> figures) {}

    private final KeyFigureService service;
    private final UnitSettings units;

    public KeyFigureController(KeyFigureService service, UnitSettings units) {
        this.service = service;
        this.units = units;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public KeyFigures json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String enhet) {
        YearMonth f = month(from, "from");
        YearMonth t = month(to, "to");
        if (t.isBefore(f)) {
            throw new InvalidRequestException("to", "Perioden slutar före den börjar (to före from).");
        }
        String unit = units.parse(enhet, "enhet").orElse(null);
        return new KeyFigures(f.toString(), t.toString(), unit, units.names(), "docs/nyckeltal.md",
                service.compute(f, t, unit));
    }

    @GetMapping(produces = "text/csv")
    public ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String enhet) {
        KeyFigures figures = json(from, to, enhet);
        StringBuilder csv = new StringBuilder("id;nyckeltal;manad;ar;kategori;varde;taljare;namnare;anmarkning\n");
        for (KeyFigure k : figures.figures()) {
            csv.append(k.id()).append(';').append(cell(k.label())).append(';')
                    .append(cell(k.month())).append(';')
                    .append(cell(k.year())).append(';')
                    .append(cell(k.category())).append(';')
                    .append(cell(k.value())).append(';')
                    .append(cell(k.numerator())).append(';')
                    .append(cell(k.denominator())).append(';')
                    .append(cell(k.note())).append('\n');
        }
        String name = "nyckeltal-" + figures.from() + "-" + figures.to()
                + (figures.enhet() == null ? "" : "-" + figures.enhet().replaceAll("[^A-Za-z0-9]", "_"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .body(csv.toString());
    }

    private static String cell(Object value) {
        return value == null ? "" : value.toString().replace(';', ',');
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
