package dev.keysmith.modeler.estimate;

/** Item sizes measured from an entity type's sample items: how many, their average and 95th percentile. */
public record SampleStats(int count, double averageBytes, long p95Bytes) {}
