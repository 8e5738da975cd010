package dev.keysmith.engine.expr.eval;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.ast.UpdateAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies update actions. Every operand is evaluated against the item as it was before the update; then all writes
 * are applied in path order (so several SETs past the end of one list append in index order), then all removals in
 * reverse path order (so REMOVE l[1], l[3] removes the original elements 1 and 3).
 */
public final class UpdateApplier {
    /** An item's values nest at most 32 levels, the top-level attribute's own value being level 1. */
    private static final int MAX_LEVELS = 32;

    private UpdateApplier() {}

    public static Map<String, AttributeValue> apply(List<UpdateAction> actions, Map<String, AttributeValue> existing) {
        var writes = new ArrayList<Map.Entry<DocPath, AttributeValue>>();
        var removals = new ArrayList<DocPath>();
        for (UpdateAction action : actions) {
            switch (action) {
                case UpdateAction.Set s -> writes.add(Map.entry(s.path(), Evaluator.required(s.value(), existing)));
                case UpdateAction.Remove r -> removals.add(r.path());
                case UpdateAction.Add a ->
                    writes.add(Map.entry(a.path(), added(Documents.get(existing, a.path()), a.value())));
                case UpdateAction.Delete d -> {
                    AttributeValue current = Documents.get(existing, d.path());
                    if (current != null) {
                        AttributeValue rest = SetMath.difference(current, d.value());
                        if (rest == null) {
                            throw Errors.validation(Evaluator.WRONG_TYPE);
                        }
                        if (SetMath.isEmptySet(rest)) {
                            removals.add(d.path());
                        } else {
                            writes.add(Map.entry(d.path(), rest));
                        }
                    }
                }
            }
        }
        var item = new LinkedHashMap<>(existing);
        writes.sort(Map.Entry.comparingByKey(Writes.PATH_ORDER));
        for (var write : writes) {
            DocPath path = write.getKey();
            if (path.segments().size() - 1 + levels(write.getValue()) > MAX_LEVELS) {
                throw Errors.validation("Nesting Levels have exceeded supported limits");
            }
            Writes.put(item, path, write.getValue());
        }
        removals.sort(Writes.PATH_ORDER.reversed());
        for (DocPath path : removals) {
            Writes.remove(item, path);
        }
        return item;
    }

    /** How many levels a value spans: 1 for a scalar, a set or an empty container, plus one per nested M or L. */
    private static int levels(AttributeValue value) {
        int below = 0;
        if (value.hasM()) {
            for (AttributeValue child : value.m().values()) {
                below = Math.max(below, levels(child));
            }
        } else if (value.hasL()) {
            for (AttributeValue child : value.l()) {
                below = Math.max(below, levels(child));
            }
        }
        return 1 + below;
    }

    /** ADD: a number is added (from 0 if absent), a set is unioned (developer guide, ADD). */
    private static AttributeValue added(@Nullable AttributeValue current, AttributeValue value) {
        if (current == null) {
            return value;
        }
        if (current.n() != null && value.n() != null) {
            return AttributeValue.fromN(NumberArithmetic.add(current.n(), value.n()));
        }
        AttributeValue union = SetMath.union(current, value);
        if (union == null) {
            throw Errors.validation(Evaluator.WRONG_TYPE);
        }
        return union;
    }
}
