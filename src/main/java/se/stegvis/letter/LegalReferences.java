package se.stegvis.letter;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legal texts of the letters, from {@code juridik.yaml}, the one place that holds them: per period (chosen by the
 * decision date) the citation of every provision and the wording a letter quotes, and the text sections (appeal
 * instructions, the kommunicering's information) whose {@code {name}} placeholders take the citation of the
 * decision date's period. Kept out of the code so that a process owner updates them when the law changes
 * (SoL 2001:453 was replaced by SFS 2025:400 on 1 July 2025, with new numbering).
 */
public record LegalReferences(List<Period> periods, Map<String, TextSection> sections) {

    static final String FILE_NAME = "juridik.yaml";

    /** The sections the letters of this program print. */
    static final List<String> REQUIRED_SECTIONS = List.of(
            "overklagande", "bifall", "kommunicering", "overklagande-nedsattning", "grund-franvaro", "nodbistand",
            "grund-aktivitetskrav");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9-]+)}");

    public LegalReferences {
        if (periods.isEmpty()) {
            throw new IllegalStateException(FILE_NAME + ": 'lagrum' saknar perioder");
        }
        periods = periods.stream().sorted(Comparator.comparing(Period::validFrom)).toList();
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).validFrom().equals(periods.get(i - 1).validFrom())) {
                throw new IllegalStateException(FILE_NAME + ": två perioder i 'lagrum' gäller från "
                        + periods.get(i).validFrom());
            }
        }
        sections = Map.copyOf(sections);
        for (String name : REQUIRED_SECTIONS) {
            if (!sections.containsKey(name)) {
                throw new IllegalStateException(FILE_NAME + ": '" + name + "' saknas");
            }
        }
        Set<String> known = new LinkedHashSet<>();
        periods.forEach(p -> known.addAll(p.references().keySet()));
        sections.forEach((name, section) -> section.allText().forEach(text -> {
            for (String key : placeholders(text)) {
                if (!known.contains(key)) {
                    throw new IllegalStateException(FILE_NAME + ": {" + key + "} i '" + name
                            + "' är ingen hänvisning i 'lagrum'");
                }
            }
        }));
    }

    /** The period in force on the date: the one with the latest valid-from on or before it. */
    public Period on(LocalDate date) {
        Period found = null;
        for (Period period : periods) {
            if (!period.validFrom().isAfter(date)) {
                found = period;
            }
        }
        if (found == null) {
            throw new IllegalStateException(FILE_NAME + ": inget lagrum gäller för beslutsdatum " + date);
        }
        return found;
    }

    /** A text section as a letter of that date prints it: citations filled in, paragraphs the period lacks left out. */
    public TextSection section(String name, LocalDate date) {
        TextSection section = sections.get(name);
        if (section == null) {
            throw new IllegalStateException(FILE_NAME + ": '" + name + "' saknas");
        }
        Period period = on(date);
        String heading = period.fill(section.heading()).orElseThrow(() -> new IllegalStateException(
                FILE_NAME + ": rubriken i '" + name + "' hänvisar till något som inte gäller " + date));
        return new TextSection(heading, period.fillAll(section.paragraphs()), period.fillAll(section.items()),
                period.fillAll(section.closing()));
    }

    static List<String> placeholders(String text) {
        List<String> keys = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /**
     * One period of the law: from {@code validFrom}, the citation of each provision by its name and the wording a
     * letter quotes for some of them.
     */
    public record Period(LocalDate validFrom, Map<String, String> references, Map<String, String> texts) {

        public Period {
            references = Map.copyOf(references);
            texts = Map.copyOf(texts);
            for (Provision provision : Provision.values()) {
                if (provision.inEveryPeriod() && !references.containsKey(provision.key())) {
                    throw new IllegalStateException(FILE_NAME + ": hänvisningen '" + provision.key()
                            + "' saknas i perioden från " + validFrom);
                }
            }
            if (!texts.containsKey(Provision.BISTAND.key())) {
                throw new IllegalStateException(FILE_NAME + ": lagtexten 'bistand' saknas i perioden från " + validFrom);
            }
        }

        /** How the provision is cited, e.g. "12 kap. 1 § socialtjänstlagen (2025:400)". */
        public String cite(Provision provision) {
            return find(provision).orElseThrow(() -> new IllegalStateException(FILE_NAME + ": hänvisningen '"
                    + provision.key() + "' saknas i perioden från " + validFrom));
        }

        /** The citation, or empty when the provision does not exist in this period. */
        public Optional<String> find(Provision provision) {
            return Optional.ofNullable(references.get(provision.key()));
        }

        /** The quoted wording of the provision. */
        public String text(Provision provision) {
            String text = texts.get(provision.key());
            if (text == null) {
                throw new IllegalStateException(FILE_NAME + ": lagtexten '" + provision.key()
                        + "' saknas i perioden från " + validFrom);
            }
            return text;
        }

        /** The text with every {name} replaced by its citation; empty when one of them is not in this period. */
        public Optional<String> fill(String text) {
            StringBuilder out = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                String reference = references.get(m.group(1));
                if (reference == null) {
                    return Optional.empty();
                }
                m.appendReplacement(out, Matcher.quoteReplacement(reference));
            }
            m.appendTail(out);
            return Optional.of(out.toString());
        }

        List<String> fillAll(List<String> texts) {
            return texts.stream().map(this::fill).flatMap(Optional::stream).toList();
        }
    }

    /** A heading, paragraphs, an optional bulleted list and optional closing paragraphs after it. */
    public record TextSection(String heading, List<String> paragraphs, List<String> items, List<String> closing) {

        public TextSection {
            paragraphs = List.copyOf(paragraphs);
            items = List.copyOf(items);
            closing = List.copyOf(closing);
        }

        List<String> allText() {
            List<String> all = new ArrayList<>();
            all.add(heading);
            all.addAll(paragraphs);
            all.addAll(items);
            all.addAll(closing);
            return all;
        }

        /** As the templates read it: rubrik, stycken, punkter, avslutning. */
        Map<String, Object> templateValue() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rubrik", heading);
            m.put("stycken", paragraphs);
            m.put("punkter", items);
            m.put("avslutning", closing);
            return m;
        }
    }

    /** Reads the parsed YAML (a map as SnakeYAML's safe loader gives it). */
    static LegalReferences fromYaml(Object root) {
        Map<?, ?> top = map(root, "dokumentet");
        List<Period> periods = list(top.get("lagrum"), "lagrum").stream().map(entry -> {
            Map<?, ?> m = map(entry, "lagrum");
            Object from = m.get("galler-fran");
            if (from == null) {
                throw new IllegalStateException(FILE_NAME + ": 'galler-fran' saknas i lagrum");
            }
            LocalDate validFrom = date(from);
            return new Period(validFrom, strings(m.get("hanvisningar"), "lagrum " + validFrom + ".hanvisningar"),
                    m.get("lagtext") == null ? Map.of() : strings(m.get("lagtext"), "lagrum " + validFrom + ".lagtext"));
        }).toList();
        Map<String, TextSection> sections = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : top.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!key.equals("lagrum")) {
                sections.put(key, section(entry.getValue(), key));
            }
        }
        return new LegalReferences(periods, sections);
    }

    private static TextSection section(Object value, String key) {
        Map<?, ?> m = map(value, key);
        return new TextSection(text(m, "rubrik"), strings(m, "stycken", key, true),
                strings(m, "punkter", key, false), strings(m, "avslutning", key, false));
    }

    private static Map<String, String> strings(Object value, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        map(value, key).forEach((k, v) -> {
            if (v == null || v.toString().isBlank()) {
                throw new IllegalStateException(FILE_NAME + ": '" + k + "' i " + key + " är tom");
            }
            out.put(String.valueOf(k), v.toString().strip());
        });
        return out;
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
