package dev.keysmith.modeler.io;

import java.util.List;

/**
 * Exported file text and what the target format could not express (e.g. TTL in a CLI create-table file).
 *
 * @param warnings readable lines naming the table and the setting that was left out
 */
public record ExportResult(String text, List<String> warnings) {

    public ExportResult {
        warnings = List.copyOf(warnings);
    }
}
