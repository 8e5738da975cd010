package dev.keysmith.engine.expr.ast;

import java.util.List;
import java.util.stream.Collectors;

/** A resolved document path: attribute names (placeholders substituted) and list indexes. */
public record DocPath(List<Segment> segments) {
    public DocPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || !(segments.getFirst() instanceof Segment.Key)) {
            throw new IllegalArgumentException("a document path starts with an attribute name");
        }
    }

    public static DocPath of(String topLevelName) {
        return new DocPath(List.of(new Segment.Key(topLevelName)));
    }

    /** The top-level attribute name. */
    public String head() {
        return ((Segment.Key) segments.getFirst()).name();
    }

    /** DynamoDB's rendering in messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        return segments.stream()
                .map(s -> switch (s) {
                    case Segment.Key k -> k.name();
                    case Segment.Index i -> "[" + i.index() + "]";
                })
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
