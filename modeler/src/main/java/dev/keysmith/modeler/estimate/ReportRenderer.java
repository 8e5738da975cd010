package dev.keysmith.modeler.estimate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keysmith.modeler.estimate.LineItem.Section;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders an {@link EstimateReport}: every line item with its value, unit and formula, plus the assumptions. */
final class ReportRenderer {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportRenderer() {}

    static String render(EstimateReport report, ReportFormat format) {
        return switch (format) {
            case TEXT -> text(report);
            case JSON -> json(report);
            case CSV -> csv(report);
            case MARKDOWN -> markdown(report);
        };
    }

    /** A line's value for people: cents for money, grouped digits otherwise. */
    static String value(LineItem line) {
        return line.unit().equals("USD") ? Fmt.cents(line.value()) : Fmt.num(line.value()) + " " + line.unit();
    }

    private static String text(EstimateReport r) {
        StringBuilder s = new StringBuilder();
        s.append("Capacity and cost estimate: ").append(r.model()).append('\n');
        s.append("Price table: ").append(r.priceTable()).append("\n\n");
        s.append("Recommendation\n").append(indent(r.recommendation())).append('\n');
        if (!r.warnings().isEmpty()) {
            s.append("\nWarnings\n");
            r.warnings().forEach(w -> s.append("  ! ").append(w).append('\n'));
        }
        s.append("\nAssumptions\n");
        r.assumptions().forEach(a -> s.append("  - ").append(a).append('\n'));
        for (Section section : Section.values()) {
            List<LineItem> lines = inSection(r, section);
            if (lines.isEmpty()) {
                continue;
            }
            s.append('\n').append(title(section)).append('\n');
            String scope = null;
            for (LineItem l : lines) {
                if (!l.scope().equals(scope)) {
                    scope = l.scope();
                    s.append("  ").append(scope).append('\n');
                }
                s.append("    ").append(l.name()).append(": ").append(value(l)).append('\n');
                s.append("      = ").append(l.formula()).append('\n');
            }
        }
        return s.toString();
    }

    private static String markdown(EstimateReport r) {
        StringBuilder s = new StringBuilder();
        s.append("# Capacity and cost estimate: ").append(r.model()).append("\n\n");
        s.append("Price table: ").append(r.priceTable()).append("\n\n");
        s.append("## Recommendation\n\n");
        r.recommendation().lines().forEach(l -> s.append("- ").append(l).append('\n'));
        if (!r.warnings().isEmpty()) {
            s.append("\n## Warnings\n\n");
            r.warnings().forEach(w -> s.append("- ").append(w).append('\n'));
        }
        s.append("\n## Assumptions\n\n");
        r.assumptions().forEach(a -> s.append("- ").append(a).append('\n'));
        for (Section section : Section.values()) {
            List<LineItem> lines = inSection(r, section);
            if (lines.isEmpty()) {
                continue;
            }
            s.append("\n## ").append(title(section)).append("\n\n");
            s.append("| Scope | Item | Value | Formula |\n|---|---|---:|---|\n");
            for (LineItem l : lines) {
                s.append("| ")
                        .append(cell(l.scope()))
                        .append(" | ")
                        .append(cell(l.name()))
                        .append(" | ");
                s.append(cell(value(l)))
                        .append(" | `")
                        .append(l.formula().replace("`", "'"))
                        .append("` |\n");
            }
        }
        return s.toString();
    }

    private static String csv(EstimateReport r) {
        StringBuilder s = new StringBuilder("section,scope,name,value,unit,formula\n");
        row(s, "INFO", "model", "model", "", "", r.model());
        row(s, "INFO", "model", "price table", "", "", r.priceTable());
        for (String a : r.assumptions()) {
            row(s, "INFO", "model", "assumption", "", "", a);
        }
        for (String w : r.warnings()) {
            row(s, "INFO", "model", "warning", "", "", w);
        }
        for (LineItem l : r.lines()) {
            row(s, l.section().name(), l.scope(), l.name(), Double.toString(l.value()), l.unit(), l.formula());
        }
        return s.toString();
    }

    private static String json(EstimateReport r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LineItem> inSection(EstimateReport r, Section section) {
        return r.lines().stream().filter(l -> l.section() == section).toList();
    }

    private static String title(Section section) {
        return switch (section) {
            case SIZE -> "Sizes";
            case CAPACITY -> "Capacity";
            case PARTITIONS -> "Partitions and hot keys";
            case COST -> "Cost per month";
        };
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static void row(StringBuilder s, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (i > 0) {
                s.append(',');
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n")) {
                s.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                s.append(f);
            }
        }
        s.append('\n');
    }
}
