package dev.keysmith.engine.expr;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.eval.NumberArithmetic;
import dev.keysmith.engine.expr.eval.SetMath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;

/**
 * AttributeUpdates semantics (API reference, AttributeValueUpdate): PUT replaces; DELETE without a value removes the
 * attribute, with a set value removes those elements; ADD adds numbers, unions sets and appends lists, creating the
 * attribute if absent. Type mismatches give "Type mismatch for attribute to update".
 */
final class LegacyUpdate implements Update {
    private static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

    private final Map<String, AttributeValueUpdate> updates;

    LegacyUpdate(Map<String, AttributeValueUpdate> updates) {
        this.updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> existing) {
        var item = new LinkedHashMap<>(existing);
        updates.forEach((name, update) -> {
            AttributeValue value = update.value();
            AttributeAction action = update.action() == null ? AttributeAction.PUT : update.action();
            AttributeValue current = item.get(name);
            switch (action) {
                case PUT -> item.put(name, value);
                case ADD -> item.put(name, added(current, value));
                case DELETE -> {
                    if (value == null) {
                        item.remove(name);
                    } else if (current != null) {
                        AttributeValue rest = SetMath.difference(current, value);
                        if (rest == null) {
                            throw Errors.validation(TYPE_MISMATCH);
                        }
                        if (SetMath.isEmptySet(rest)) {
                            item.remove(name);
                        } else {
                            item.put(name, rest);
                        }
                    }
                }
                case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("action validated by Legacy");
            }
        });
        return item;
    }

    private static AttributeValue added(@Nullable AttributeValue current, AttributeValue value) {
        if (current == null) {
            return value;
        }
        if (current.n() != null && value.n() != null) {
            return AttributeValue.fromN(NumberArithmetic.add(current.n(), value.n()));
        }
        if (current.type() == AttributeValue.Type.L && value.type() == AttributeValue.Type.L) {
            var list = new ArrayList<>(current.l());
            list.addAll(value.l());
            return AttributeValue.fromL(list);
        }
        AttributeValue union = SetMath.union(current, value);
        if (union == null) {
            throw Errors.validation(TYPE_MISMATCH);
        }
        return union;
    }

    @Override
    public void checkKeyAttributes(Set<String> keyAttributeNames) {
        updates.keySet().forEach(name -> CompiledUpdate.checkKeyAttribute(name, keyAttributeNames));
    }

    /** AttributeUpdates name top-level attributes only: no path can go inside an index key. */
    @Override
    public void checkIndexKeyPaths(Set<String> indexKeyAttributeNames) {}

    @Override
    public Set<String> topLevelAttributeNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(updates.keySet()));
    }

    /** AttributeUpdates name top-level attributes: each comes back whole. */
    @Override
    public Map<String, AttributeValue> updatedAttributes(Map<String, AttributeValue> item) {
        var result = new LinkedHashMap<String, AttributeValue>();
        for (String name : updates.keySet()) {
            AttributeValue value = item.get(name);
            if (value != null) {
                result.put(name, value);
            }
        }
        return result;
    }
}
