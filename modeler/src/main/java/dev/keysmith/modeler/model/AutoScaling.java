package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Application Auto Scaling settings for one dimension (reads or writes) of a provisioned table or GSI.
 *
 * @param minCapacity lowest capacity units auto scaling may set
 * @param maxCapacity highest capacity units auto scaling may set
 * @param targetUtilization target consumed/provisioned ratio in percent (20-90 on AWS)
 */
public record AutoScaling(
        @JsonProperty("minCapacity") long minCapacity,
        @JsonProperty("maxCapacity") long maxCapacity,
        @JsonProperty("targetUtilization") double targetUtilization) {}
