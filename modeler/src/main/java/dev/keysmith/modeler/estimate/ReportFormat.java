package dev.keysmith.modeler.estimate;

import java.util.Locale;

/** The formats an {@link EstimateReport} renders to. */
public enum ReportFormat {
    TEXT,
    JSON,
    CSV,
    MARKDOWN;

    /**
     * The format named {@code name} ("text", "json", "csv", "markdown" or "md"), ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted formats
     */
    public static ReportFormat parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "text", "txt" -> TEXT;
            case "json" -> JSON;
            case "csv" -> CSV;
            case "markdown", "md" -> MARKDOWN;
            default ->
                throw new IllegalArgumentException(
                        "Unknown report format '" + name + "'; use text, json, csv or markdown");
        };
    }
}
