package dev.keysmith.engine.expr;

import dev.keysmith.engine.expr.ast.Predicate;
import dev.keysmith.engine.expr.eval.Evaluator;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A condition backed by a resolved {@link Predicate}. */
record CompiledCondition(Predicate predicate, Set<String> topLevelAttributeNames) implements Condition {
    CompiledCondition(Predicate predicate) {
        this(predicate, names(predicate));
    }

    private static Set<String> names(Predicate predicate) {
        var names = new LinkedHashSet<String>();
        AttributeNames.of(predicate, names);
        return Collections.unmodifiableSet(names);
    }

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return Evaluator.test(predicate, item);
    }
}
