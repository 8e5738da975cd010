package dev.keysmith.engine.expr;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.ast.UpdateAction;
import dev.keysmith.engine.expr.eval.Projector;
import dev.keysmith.engine.expr.eval.UpdateApplier;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An update backed by resolved {@link UpdateAction}s. */
record CompiledUpdate(List<UpdateAction> actions, Projector updatedPaths) implements Update {
    CompiledUpdate(List<UpdateAction> actions) {
        this(
                List.copyOf(actions),
                new Projector(actions.stream().map(UpdateAction::path).toList()));
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> existing) {
        return UpdateApplier.apply(actions, existing);
    }

    @Override
    public void checkKeyAttributes(Set<String> keyAttributeNames) {
        for (UpdateAction action : actions) {
            checkKeyAttribute(action.path().head(), keyAttributeNames);
        }
    }

    @Override
    public void checkIndexKeyPaths(Set<String> indexKeyAttributeNames) {
        for (UpdateAction action : actions) {
            String head = action.path().head();
            if (action.path().segments().size() > 1 && indexKeyAttributeNames.contains(head)) {
                throw Errors.validation("Key attributes must be scalars; list random access '[]' and map lookup '.'"
                        + " are not allowed: IndexKey: " + head);
            }
        }
    }

    static void checkKeyAttribute(String name, Set<String> keyAttributeNames) {
        if (keyAttributeNames.contains(name)) {
            throw Errors.validation("One or more parameter values were invalid: Cannot update attribute " + name
                    + ". This attribute is part of the key");
        }
    }

    @Override
    public Set<String> topLevelAttributeNames() {
        var names = new LinkedHashSet<String>();
        actions.forEach(a -> AttributeNames.of(a, names));
        return Collections.unmodifiableSet(names);
    }

    @Override
    public Map<String, AttributeValue> updatedAttributes(Map<String, AttributeValue> item) {
        return updatedPaths.project(item);
    }
}
