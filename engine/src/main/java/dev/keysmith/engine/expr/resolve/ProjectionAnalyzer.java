package dev.keysmith.engine.expr.resolve;

import dev.keysmith.engine.expr.ast.DocPath;
import dev.keysmith.engine.expr.ast.Syntax;
import java.util.ArrayList;
import java.util.List;

/** Resolves a parsed projection and rejects overlapping or conflicting paths. */
public final class ProjectionAnalyzer {
    private ProjectionAnalyzer() {}

    public static List<DocPath> analyze(Syntax.ProjectionExpr expr, Resolver resolver) {
        var paths = new ArrayList<DocPath>();
        for (Syntax.Path path : expr.paths()) {
            resolver.checkDistinctPath(paths, resolver.path(path));
        }
        resolver.problems().throwFirst(Problems.PROJECTION_ORDER);
        return List.copyOf(paths);
    }
}
