package dev.keysmith.modeler.engine;

/**
 * What a {@link Materializer#load} wrote.
 *
 * @param written items acknowledged by the target
 * @param total items the generator was to produce
 * @param batches BatchWriteItem calls made (retries included)
 * @param retries calls that only resent unprocessed items
 * @param cancelled true when the load stopped because {@link Progress#isCancelled()} said so
 */
public record LoadResult(long written, long total, long batches, long retries, boolean cancelled) {}
