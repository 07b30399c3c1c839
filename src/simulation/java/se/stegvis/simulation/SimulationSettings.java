package se.stegvis.simulation;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What to simulate: how many households, how many months ending with which month, the seed, and whether to stop the
 * application afterwards. Parsed from the command line ({@code --households=300 --months=12 --seed=42
 * [--end=2025-12] [--exit]}); every wrong value is refused with a message naming the argument.
 */
public record SimulationSettings(int households, int months, YearMonth end, long seed, boolean exit) {

    public static final int DEFAULT_HOUSEHOLDS = 300;
    public static final int DEFAULT_MONTHS = 12;
    public static final YearMonth DEFAULT_END = YearMonth.of(2025, 12);
    public static final long DEFAULT_SEED = 42;
    public static final int MAX_HOUSEHOLDS = 20_000;
    /** The riksnorm table (processes/riksnorm.dmn) carries amounts for these years only. */
    public static final YearMonth FIRST_MONTH_WITH_NORM = YearMonth.of(2022, 1);
    public static final YearMonth LAST_MONTH_WITH_NORM = YearMonth.of(2026, 12);

    private static final Set<String> KNOWN = Set.of("households", "months", "end", "seed", "exit");

    public SimulationSettings {
        List<String> errors = new ArrayList<>();
        if (households < 1 || households > MAX_HOUSEHOLDS) {
            errors.add("--households ska vara ett heltal 1–" + MAX_HOUSEHOLDS + " (var " + households + ")");
        }
        if (months < 1 || months > 48) {
            errors.add("--months ska vara ett heltal 1–48 (var " + months + ")");
        }
        if (end == null) {
            errors.add("--end saknas");
        } else if (end.isAfter(LAST_MONTH_WITH_NORM) || end.minusMonths(Math.max(months, 1) - 1L).isBefore(FIRST_MONTH_WITH_NORM)) {
            errors.add("--end och --months ska ge månader inom riksnormtabellen " + FIRST_MONTH_WITH_NORM + "–"
                    + LAST_MONTH_WITH_NORM + " (var " + (end == null ? "?" : end.minusMonths(Math.max(months, 1) - 1L))
                    + "–" + end + ")");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Ogiltiga argument till simuleringen: " + String.join("; ", errors));
        }
    }

    /** The first simulated month. */
    public YearMonth start() {
        return end.minusMonths(months - 1L);
    }

    /**
     * From the command line's options ({@code --name=value}; {@code --exit} without value). Unknown {@code --}options
     * that Spring itself reads ({@code --spring.*}, {@code --server.*}, ...) are ignored; others are refused.
     */
    public static SimulationSettings parse(Map<String, List<String>> options) {
        Map<String, String> values = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        options.forEach((name, list) -> {
            if (KNOWN.contains(name)) {
                values.put(name, list == null || list.isEmpty() ? "" : list.get(list.size() - 1));
            } else if (!name.contains(".")) {
                errors.add("okänt argument --" + name + " (känner till --households, --months, --end, --seed, --exit)");
            }
        });
        int households = integer(values, "households", DEFAULT_HOUSEHOLDS, errors);
        int months = integer(values, "months", DEFAULT_MONTHS, errors);
        long seed = DEFAULT_SEED;
        if (values.containsKey("seed")) {
            try {
                seed = Long.parseLong(values.get("seed").strip());
            } catch (NumberFormatException e) {
                errors.add("--seed ska vara ett heltal (var \"" + values.get("seed") + "\")");
            }
        }
        YearMonth end = DEFAULT_END;
        if (values.containsKey("end")) {
            String text = values.get("end").strip();
            try {
                if (!text.matches("\\d{4}-\\d{2}")) {
                    throw new DateTimeException(text);
                }
                end = YearMonth.parse(text);
            } catch (DateTimeException e) {
                errors.add("--end ska vara en månad ÅÅÅÅ-MM (var \"" + text + "\")");
            }
        }
        boolean exit = false;
        if (values.containsKey("exit")) {
            String text = values.get("exit").strip();
            if (text.isEmpty() || text.equals("true")) {
                exit = true;
            } else if (!text.equals("false")) {
                errors.add("--exit tar inget värde (eller true/false)");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Ogiltiga argument till simuleringen: " + String.join("; ", errors));
        }
        return new SimulationSettings(households, months, end, seed, exit);
    }

    private static int integer(Map<String, String> values, String name, int fallback, List<String> errors) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        try {
            return Integer.parseInt(values.get(name).strip());
        } catch (NumberFormatException e) {
            errors.add("--" + name + " ska vara ett heltal (var \"" + values.get(name) + "\")");
            return fallback;
        }
    }
}
