package dev.keysmith.modeler.engine;

import dev.keysmith.engine.trace.ExecutionTrace;
import dev.keysmith.modeler.model.AccessPattern;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What running one access pattern against materialized data showed.
 *
 * @param request a readable summary of the request sent (operation, index, expression and values), or null when none
 *     could be built
 * @param unservable why the pattern could not be run at all (no example item, a variable without a value, a request
 *     the target refused), or null
 * @param itemsReturned items the request returned (or wrote)
 * @param entityTypes items returned per recognized entity type
 * @param consumedCapacity total capacity units the target reported
 * @param indexCapacity capacity per index (and {@code table}) the target reported
 * @param traces the embedded engine's execution traces for the request; empty on other targets
 * @param problems unmet expectations, each one sentence; empty when {@link #met()}
 */
public record PatternResult(
        AccessPattern pattern,
        @Nullable String request,
        @Nullable String unservable,
        int itemsReturned,
        Map<String, Integer> entityTypes,
        double consumedCapacity,
        Map<String, Double> indexCapacity,
        List<ExecutionTrace> traces,
        List<String> problems) {

    public PatternResult {
        entityTypes = Map.copyOf(entityTypes);
        indexCapacity = Map.copyOf(indexCapacity);
        traces = List.copyOf(traces);
        problems = List.copyOf(problems);
    }

    /** True when the pattern ran and met every expectation. */
    public boolean met() {
        return unservable == null && problems.isEmpty();
    }
}
