package dev.keysmith.engine.expr.eval;

import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.ast.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Projects items on a list of non-overlapping document paths. Nested paths keep their structure: projecting
 * {@code a.b[1]} yields {@code {a: {b: [<element 1>]}}}; several indexes of one list come back in index order; missing
 * paths are left out, and so are containers in which nothing matched.
 */
public final class Projector {
    private final Node root = new Node();

    public Projector(List<DocPath> paths) {
        for (DocPath path : paths) {
            Node node = root;
            for (Segment segment : path.segments()) {
                node = switch (segment) {
                    case Segment.Key k -> node.keys.computeIfAbsent(k.name(), n -> new Node());
                    case Segment.Index i -> node.indexes.computeIfAbsent(i.index(), n -> new Node());
                };
            }
            node.whole = true;
        }
    }

    public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
        var result = new LinkedHashMap<String, AttributeValue>();
        root.keys.forEach((name, node) -> {
            AttributeValue v = item.get(name);
            AttributeValue projected = v == null ? null : node.project(v);
            if (projected != null) {
                result.put(name, projected);
            }
        });
        return result;
    }

    private static final class Node {
        final Map<String, Node> keys = new LinkedHashMap<>();
        final TreeMap<Integer, Node> indexes = new TreeMap<>();
        boolean whole;

        @Nullable
        AttributeValue project(AttributeValue v) {
            if (whole) {
                return v;
            }
            if (!keys.isEmpty() && v.type() == AttributeValue.Type.M) {
                var map = new LinkedHashMap<String, AttributeValue>();
                keys.forEach((name, node) -> {
                    AttributeValue child = v.m().get(name);
                    AttributeValue projected = child == null ? null : node.project(child);
                    if (projected != null) {
                        map.put(name, projected);
                    }
                });
                return map.isEmpty() ? null : AttributeValue.fromM(map);
            }
            if (!indexes.isEmpty() && v.type() == AttributeValue.Type.L) {
                var list = new ArrayList<AttributeValue>();
                indexes.forEach((index, node) -> {
                    AttributeValue projected = index < v.l().size() ? node.project(v.l().get(index)) : null;
                    if (projected != null) {
                        list.add(projected);
                    }
                });
                return list.isEmpty() ? null : AttributeValue.fromL(list);
            }
            return null;
        }
    }
}
