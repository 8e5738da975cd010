package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Requests per second of an access pattern: average and peak. */
public record Rate(
        @JsonProperty("averagePerSecond") double averagePerSecond,
        @JsonProperty("peakPerSecond") double peakPerSecond) {

    public static Rate of(double averagePerSecond) {
        return new Rate(averagePerSecond, averagePerSecond);
    }
}
