package dev.keysmith.engine.expr.resolve;

import dev.keysmith.engine.expr.ExpressionContext;
import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.ast.Segment;
import dev.keysmith.engine.expr.ast.Syntax;
import dev.keysmith.engine.expr.resolve.Problems.Kind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Substitutes placeholders from the request's {@link ExpressionContext} (marking them used), checks bare names
 * against the reserved words and paths against the nesting limit, and records problems instead of throwing so the
 * analyzers can report DynamoDB's highest-priority error.
 */
public final class Resolver {
    /**
     * "The maximum depth for a document path is 32" (developer guide, document paths), counted in path elements, the
     * top-level attribute included, like an item's 32 nesting levels: DynamoDB answers {@code a.b...b} with 32
     * {@code .b} with "nesting levels: 33" (scylladb test_projection_expression_path_nesting_levels, run against
     * DynamoDB; DynamoDB Local agrees).
     */
    public static final int MAX_NESTING = 32;

    private static final AttributeValue PLACEHOLDER = AttributeValue.fromNul(true);

    private final ExpressionContext context;
    private final Problems problems = new Problems();

    public Resolver(ExpressionContext context) {
        this.context = context;
    }

    public Problems problems() {
        return problems;
    }

    public DocPath path(Syntax.Path path) {
        List<Segment> segments = new ArrayList<>(path.elems().size());
        for (Syntax.Elem elem : path.elems()) {
            segments.add(
                    switch (elem) {
                        case Syntax.Name n -> {
                            if (ReservedWords.isReserved(n.text())) {
                                problems.add(
                                        Kind.RESERVED,
                                        "Attribute name is a reserved keyword; reserved keyword: " + n.text());
                            }
                            yield new Segment.Key(n.text());
                        }
                        case Syntax.NameRef r -> {
                            String name = context.name(r.ref());
                            if (name == null) {
                                problems.add(
                                        Kind.UNDEFINED_NAME,
                                        "An expression attribute name used in the document path is not defined;"
                                                + " attribute name: " + r.ref());
                                name = r.ref();
                            }
                            yield new Segment.Key(name);
                        }
                        case Syntax.Index i -> new Segment.Index(i.index());
                    });
        }
        int nesting = segments.size();
        if (nesting > MAX_NESTING) {
            problems.add(Kind.NESTING, "The document path has too many nesting levels; nesting levels: " + nesting);
        }
        return new DocPath(segments);
    }

    public AttributeValue value(Syntax.ValueRef ref) {
        AttributeValue value = context.value(ref.ref());
        if (value == null) {
            problems.add(
                    Kind.UNDEFINED_VALUE,
                    "An expression attribute value used in expression is not defined; attribute value: " + ref.ref());
            return PLACEHOLDER;
        }
        return value;
    }

    /**
     * Records DynamoDB's overlap/conflict error if {@code path} overlaps (one is a prefix of the other) or conflicts
     * (a name where the other has an index) with one of {@code seen}; then adds it to {@code seen}.
     */
    public void checkDistinctPath(List<DocPath> seen, DocPath path) {
        for (DocPath other : seen) {
            String problem = overlap(other, path);
            if (problem != null) {
                problems.add(
                        Kind.PATH,
                        "Two document paths " + problem
                                + " with each other; must remove or rewrite one of these paths; path one: " + other
                                + ", path two: " + path);
                return;
            }
        }
        seen.add(path);
    }

    private static @Nullable String overlap(DocPath a, DocPath b) {
        int n = Math.min(a.segments().size(), b.segments().size());
        for (int i = 0; i < n; i++) {
            Segment x = a.segments().get(i);
            Segment y = b.segments().get(i);
            if (x.getClass() != y.getClass()) {
                return "conflict";
            }
            if (!x.equals(y)) {
                return null;
            }
        }
        return "overlap";
    }
}
