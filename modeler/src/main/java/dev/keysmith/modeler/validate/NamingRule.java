package dev.keysmith.modeler.validate;

import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.TableDesign;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Table and index names follow DynamoDB's rules (3-255 characters of {@code [a-zA-Z0-9_.-]}); index key attribute
 * names are at most 255 bytes. A name imported from a CloudFormation intrinsic function ({@code !Sub ${Env}-orders}) is
 * a WARNING: it cannot be checked before deployment.
 */
final class NamingRule implements Rule {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    /** How a CloudFormation import keeps a name given by {@code !Ref}, {@code !Sub}... */
    private static final Pattern INTRINSIC = Pattern.compile("!(Ref|Sub|Join|Select|FindInMap|ImportValue|If) .+");

    @Override
    public String id() {
        return "naming";
    }

    @Override
    public List<Diagnostic> check(ModelScope scope) {
        List<Diagnostic> out = new ArrayList<>();
        for (TableDesign table : scope.model().tables()) {
            name(out, scope.path(table), "table", table.name());
            for (IndexDesign index : table.indexes()) {
                name(out, scope.path(table, index), "index", index.name());
                for (String key : index.keyNames()) {
                    if (key.getBytes(StandardCharsets.UTF_8).length > 255) {
                        out.add(new Diagnostic(
                                Severity.ERROR,
                                scope.path(table, index),
                                id(),
                                "Index key attribute name " + key.substring(0, 20) + "... is longer than 255 bytes",
                                "Use a shorter attribute name"));
                    }
                }
            }
        }
        return out;
    }

    private void name(List<Diagnostic> out, String path, String kind, String name) {
        if (INTRINSIC.matcher(name).matches()) {
            out.add(new Diagnostic(
                    Severity.WARNING,
                    path,
                    id(),
                    "The " + kind + " name \"" + name + "\" is a CloudFormation intrinsic function, resolved only when"
                            + " the stack is deployed",
                    "Give the " + kind + " a concrete name for modeling"));
            return;
        }
        if (!NAME.matcher(name).matches()) {
            out.add(new Diagnostic(
                    Severity.ERROR,
                    path,
                    id(),
                    "The " + kind + " name \"" + name + "\" breaks DynamoDB's naming rules: 3 to 255 characters, only"
                            + " letters, digits, '_', '-' and '.'",
                    "Rename it to \"" + suggestion(name) + "\""));
        }
    }

    private static String suggestion(String name) {
        String cleaned = name.replaceAll("[^a-zA-Z0-9_.-]", "_");
        while (cleaned.length() < 3) {
            cleaned += "_";
        }
        return cleaned.length() > 255 ? cleaned.substring(0, 255) : cleaned;
    }
}
