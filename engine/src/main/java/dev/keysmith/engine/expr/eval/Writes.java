package dev.keysmith.engine.expr.eval;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.ast.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Copy-on-write edits of an item at a document path. */
public final class Writes {
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

    /** Orders paths so list indexes come in numeric order (names before indexes, parents before children). */
    public static final Comparator<DocPath> PATH_ORDER = (a, b) -> {
        List<Segment> x = a.segments();
        List<Segment> y = b.segments();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    };

    private Writes() {}

    private static int compare(Segment a, Segment b) {
        return switch (a) {
            case Segment.Key k -> b instanceof Segment.Key l ? k.name().compareTo(l.name()) : -1;
            case Segment.Index i -> b instanceof Segment.Index j ? Integer.compare(i.index(), j.index()) : 1;
        };
    }

    /**
     * Puts {@code value} at {@code path}. Every parent must exist with the right type; an index past the end of a
     * list appends (developer guide, "Adding elements to a list").
     */
    public static void put(Map<String, AttributeValue> item, DocPath path, AttributeValue value) {
        List<Segment> segments = path.segments();
        if (segments.size() == 1) {
            item.put(path.head(), value);
            return;
        }
        AttributeValue top = item.get(path.head());
        if (top == null) {
            throw Errors.validation(INVALID_PATH);
        }
        item.put(path.head(), putIn(top, segments, 1, value));
    }

    private static AttributeValue putIn(AttributeValue container, List<Segment> segments, int i, AttributeValue value) {
        boolean last = i == segments.size() - 1;
        return switch (segments.get(i)) {
            case Segment.Key k -> {
                if (container.type() != AttributeValue.Type.M) {
                    throw Errors.validation(INVALID_PATH);
                }
                var map = new LinkedHashMap<>(container.m());
                if (last) {
                    map.put(k.name(), value);
                } else {
                    AttributeValue child = map.get(k.name());
                    if (child == null) {
                        throw Errors.validation(INVALID_PATH);
                    }
                    map.put(k.name(), putIn(child, segments, i + 1, value));
                }
                yield AttributeValue.fromM(map);
            }
            case Segment.Index ix -> {
                if (container.type() != AttributeValue.Type.L) {
                    throw Errors.validation(INVALID_PATH);
                }
                var list = new ArrayList<>(container.l());
                int index = ix.index();
                if (last) {
                    if (index < list.size()) {
                        list.set(index, value);
                    } else {
                        list.add(value);
                    }
                } else {
                    if (index >= list.size()) {
                        throw Errors.validation(INVALID_PATH);
                    }
                    list.set(index, putIn(list.get(index), segments, i + 1, value));
                }
                yield AttributeValue.fromL(list);
            }
        };
    }

    /**
     * Removes the value at {@code path}; later list elements shift down. A missing last element is not an error; a
     * missing parent or one of the wrong type is (DynamoDB rejects REMOVE x.y unless x is a map, and silently
     * accepts it when x is a map without y: scylladb/scylladb issue 10043, compared against DynamoDB).
     */
    public static void remove(Map<String, AttributeValue> item, DocPath path) {
        List<Segment> segments = path.segments();
        if (segments.size() == 1) {
            item.remove(path.head());
            return;
        }
        AttributeValue top = item.get(path.head());
        if (top == null) {
            throw Errors.validation(INVALID_PATH);
        }
        item.put(path.head(), removeIn(top, segments, 1));
    }

    private static AttributeValue removeIn(AttributeValue container, List<Segment> segments, int i) {
        boolean last = i == segments.size() - 1;
        return switch (segments.get(i)) {
            case Segment.Key k -> {
                if (container.type() != AttributeValue.Type.M) {
                    throw Errors.validation(INVALID_PATH);
                }
                AttributeValue child = container.m().get(k.name());
                if (child == null) {
                    if (!last) {
                        throw Errors.validation(INVALID_PATH);
                    }
                    yield container;
                }
                var map = new LinkedHashMap<>(container.m());
                if (last) {
                    map.remove(k.name());
                } else {
                    map.put(k.name(), removeIn(child, segments, i + 1));
                }
                yield AttributeValue.fromM(map);
            }
            case Segment.Index ix -> {
                if (container.type() != AttributeValue.Type.L) {
                    throw Errors.validation(INVALID_PATH);
                }
                if (ix.index() >= container.l().size()) {
                    if (!last) {
                        throw Errors.validation(INVALID_PATH);
                    }
                    yield container;
                }
                var list = new ArrayList<>(container.l());
                if (last) {
                    list.remove(ix.index());
                } else {
                    list.set(ix.index(), removeIn(list.get(ix.index()), segments, i + 1));
                }
                yield AttributeValue.fromL(list);
            }
        };
    }
}
