package dev.keysmith.modeler.engine;

import java.util.List;

/** The changes that make the target's tables match a data model, in the order they run. */
public record Plan(List<Step> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** True when some step deletes items. */
    public boolean isDestructive() {
        return steps.stream().anyMatch(Step::destructive);
    }
}
