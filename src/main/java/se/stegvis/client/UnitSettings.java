package se.stegvis.client;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import se.stegvis.config.InvalidRequestException;

/**
 * The units (enheter) of the office: the teams that handle clients. A client belongs to one unit; key figures can be
 * restricted to one ({@code GET /api/nyckeltal?enhet=...}). {@code names} is the allowed list, {@code defaultUnit}
 * the unit of a client whose application names none (empty: no unit).
 */
@ConfigurationProperties("stegvis.units")
public record UnitSettings(List<String> names, String defaultUnit) {

    public UnitSettings {
        names = names == null ? List.of() : names.stream().map(String::strip).toList();
        defaultUnit = defaultUnit == null || defaultUnit.isBlank() ? null : defaultUnit.strip();
        if (defaultUnit != null && !names.contains(defaultUnit)) {
            throw new IllegalArgumentException("stegvis.units.default-unit " + defaultUnit + " is not one of " + names);
        }
    }

    /** The unit named in a request: empty when none is given, 400 naming {@code field} when it is not configured. */
    public Optional<String> parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String unit = value.strip();
        return names.stream().filter(n -> n.equalsIgnoreCase(unit)).findFirst().or(() -> {
            throw new InvalidRequestException(field, "Okänd enhet \"" + unit + "\". Välj en av: "
                    + String.join(", ", names) + ".");
        });
    }

    public Optional<String> defaultUnitIfAny() {
        return Optional.ofNullable(defaultUnit);
    }
}
