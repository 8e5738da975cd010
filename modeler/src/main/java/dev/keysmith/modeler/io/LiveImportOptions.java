package dev.keysmith.modeler.io;

import java.util.Objects;

/**
 * Options of {@link LiveTableImport}.
 *
 * @param sampleSize items read per table at most (Scan with Limit, page by page)
 * @param projectName the name of the project and of its data model
 * @param source where the tables are, as the user knows it (an endpoint URL, a data folder), for messages and the
 *     project metadata
 */
public record LiveImportOptions(int sampleSize, String projectName, String source) {

    /** The default number of items sampled per table. */
    public static final int DEFAULT_SAMPLE_SIZE = 1_000;

    public LiveImportOptions {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("the sample size cannot be negative, got " + sampleSize);
        }
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(source, "source");
    }

    /** {@value #DEFAULT_SAMPLE_SIZE} items per table. */
    public static LiveImportOptions of(String projectName, String source) {
        return new LiveImportOptions(DEFAULT_SAMPLE_SIZE, projectName, source);
    }

    public LiveImportOptions withSampleSize(int sampleSize) {
        return new LiveImportOptions(sampleSize, projectName, source);
    }
}
