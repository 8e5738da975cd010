package dev.keysmith.engine.expr;

import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.eval.Projector;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A projection on resolved document paths. */
final class CompiledProjection implements Projection {
    private final Projector projector;
    private final Set<String> names;

    CompiledProjection(List<DocPath> paths) {
        this.projector = new Projector(paths);
        var heads = new LinkedHashSet<String>();
        paths.forEach(p -> heads.add(p.head()));
        this.names = Collections.unmodifiableSet(heads);
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return projector.project(item);
    }

    @Override
    public Set<String> topLevelAttributeNames() {
        return names;
    }
}
