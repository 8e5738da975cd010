package dev.keysmith.modeler.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Edits that were autosaved but never saved as a version, found when the project was opened (typically after a
 * crash or a power cut).
 *
 * @param document the autosaved document
 * @param autosavedAt when the autosave was written
 * @param baseVersionId the newest saved version when the autosave was written
 * @param summary the codec's description of the document
 */
public record RecoveredChanges<T>(T document, Instant autosavedAt, long baseVersionId, String summary) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** For a banner: "Unsaved changes recovered (autosaved 2026-11-22 01:23:45 UTC, after version 4)". */
    public String message() {
        return "Unsaved changes recovered (autosaved " + WHEN.format(autosavedAt) + ", after version " + baseVersionId
                + ")";
    }
}
