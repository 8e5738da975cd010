package dev.keysmith.engine.expr.eval;

import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.ast.Segment;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads document paths out of items. */
public final class Documents {
    private Documents() {}

    /** The value at {@code path}, or null if any step is missing or of the wrong type. */
    public static @Nullable AttributeValue get(Map<String, AttributeValue> item, DocPath path) {
        List<Segment> segments = path.segments();
        AttributeValue current = item.get(path.head());
        for (int i = 1; i < segments.size() && current != null; i++) {
            current = child(current, segments.get(i));
        }
        return current;
    }

    /** One step down from {@code container}, or null if absent or not applicable. */
    public static @Nullable AttributeValue child(AttributeValue container, Segment segment) {
        return switch (segment) {
            case Segment.Key k -> container.hasM() ? container.m().get(k.name()) : null;
            case Segment.Index i ->
                container.hasL() && i.index() < container.l().size()
                        ? container.l().get(i.index())
                        : null;
        };
    }
}
