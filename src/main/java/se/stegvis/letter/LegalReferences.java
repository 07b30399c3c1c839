package se.stegvis.letter;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The legal texts of a letter, from {@code juridik.yaml}: the legal ground by the date it applies from, the appeal
 * instructions (överklagandehänvisning) and the short note for bifall. Kept out of the code so that a process owner
 * updates them when the law changes (SoL 2001:453 was replaced by SFS 2025:400 on 1 July 2025).
 */
record LegalReferences(List<LegalGround> grounds, TextSection appeal, TextSection grantNote) {

    static final String FILE_NAME = "juridik.yaml";

    LegalReferences {
        if (grounds.isEmpty()) {
            throw new IllegalStateException(FILE_NAME + ": 'lagrum' saknar poster");
        }
        grounds = grounds.stream().sorted(Comparator.comparing(LegalGround::validFrom)).toList();
    }

    /** The legal ground in force on the decision date: the entry with the latest valid-from on or before it. */
    LegalGround groundFor(LocalDate decisionDate) {
        LegalGround found = null;
        for (LegalGround ground : grounds) {
            if (!ground.validFrom().isAfter(decisionDate)) {
                found = ground;
            }
        }
        if (found == null) {
            throw new IllegalStateException(FILE_NAME + ": inget lagrum gäller för beslutsdatum " + decisionDate);
        }
        return found;
    }

    /** One legal ground: the reference as cited ("4 kap. 1 § socialtjänstlagen (2001:453)") and its text. */
    record LegalGround(LocalDate validFrom, String reference, String text) {}

    /** A heading, paragraphs, an optional bulleted list and optional closing paragraphs after it. */
    record TextSection(String heading, List<String> paragraphs, List<String> items, List<String> closing) {}

    /** Reads the parsed YAML (a map as SnakeYAML's safe loader gives it). */
    static LegalReferences fromYaml(Object root) {
        Map<?, ?> top = map(root, "dokumentet");
        List<LegalGround> grounds = list(top.get("lagrum"), "lagrum").stream().map(entry -> {
            Map<?, ?> m = map(entry, "lagrum");
            return new LegalGround(date(m.get("galler-fran")), text(m, "hanvisning"), text(m, "text"));
        }).toList();
        return new LegalReferences(grounds, section(top.get("overklagande"), "overklagande"),
                section(top.get("bifall"), "bifall"));
    }

    private static TextSection section(Object value, String key) {
        Map<?, ?> m = map(value, key);
        return new TextSection(text(m, "rubrik"), strings(m, "stycken", key, true),
                strings(m, "punkter", key, false), strings(m, "avslutning", key, false));
    }

    private static List<String> strings(Map<?, ?> m, String name, String key, boolean required) {
        Object value = m.get(name);
        if (value == null && !required) {
            return List.of();
        }
        return list(value, key + "." + name).stream().map(o -> String.valueOf(o).strip()).toList();
    }

    private static LocalDate date(Object value) {
        if (value instanceof Date date) {
            // SnakeYAML reads an unquoted 2025-07-01 as a timestamp at midnight UTC
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value == null) {
            throw new IllegalStateException(FILE_NAME + ": 'galler-fran' saknas i lagrum");
        }
        return LocalDate.parse(value.toString().strip());
    }

    private static String text(Map<?, ?> m, String key) {
        Object value = m.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException(FILE_NAME + ": '" + key + "' saknas");
        }
        return value.toString().strip();
    }

    private static Map<?, ?> map(Object value, String key) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalStateException(FILE_NAME + ": '" + key + "' ska vara en mappning");
    }

    private static List<?> list(Object value, String key) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new IllegalStateException(FILE_NAME + ": '" + key + "' ska vara en lista");
    }
}
