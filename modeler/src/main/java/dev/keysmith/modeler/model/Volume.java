package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Expected volume of one entity type.
 *
 * @param itemCount items stored today
 * @param monthlyGrowth items added per month
 * @param writesPerSecond average item writes per second
 * @param readsPerSecond average item reads per second, or null when the access patterns say it all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Volume(
        @JsonProperty("itemCount") long itemCount,
        @JsonProperty("monthlyGrowth") long monthlyGrowth,
        @JsonProperty("writesPerSecond") double writesPerSecond,
        @JsonProperty("readsPerSecond") @Nullable Double readsPerSecond) {

    public static final Volume NONE = new Volume(0, 0, 0, null);
}
