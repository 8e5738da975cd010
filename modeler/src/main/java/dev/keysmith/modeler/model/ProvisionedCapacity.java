package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Provisioned read/write capacity units, with optional auto scaling per dimension. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisionedCapacity(
        @JsonProperty("readCapacityUnits") long readCapacityUnits,
        @JsonProperty("writeCapacityUnits") long writeCapacityUnits,
        @JsonProperty("readAutoScaling") @Nullable AutoScaling readAutoScaling,
        @JsonProperty("writeAutoScaling") @Nullable AutoScaling writeAutoScaling) {

    public static ProvisionedCapacity of(long readCapacityUnits, long writeCapacityUnits) {
        return new ProvisionedCapacity(readCapacityUnits, writeCapacityUnits, null, null);
    }
}
