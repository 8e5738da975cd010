package dev.keysmith.modeler.io;

import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Damaged input never escapes as anything but {@link ImportException}: the readers get real files cut short, with a
 * character replaced, or with a value swapped for one of another type.
 */
class ImportRobustnessPropertiesTest {

    private static final String[] FILES = {
        "/samples/ComplaintManagementSchema.json",
        "/samples/ConnectedVehiclesSchema.json",
        "/samples/RecurringPaymentsSchema.json",
        "/samples/SessionManagementSchema.json",
        "/io/workbench-2.0.json",
        "/io/cloudformation-orders.json",
        "/io/cloudformation-orders.yaml",
        "/io/cloudformation-intrinsics.yaml",
        "/io/cli-create-table.json"
    };

    @Provide
    Arbitrary<String> files() {
        return Arbitraries.of(FILES).map(JsonTrees::resource);
    }

    @Provide
    Arbitrary<String> replacements() {
        return Arbitraries.of(
                "", "[", "]", "{", "}", "\"", ":", ",", "1", "null", "true", "[]", "{}", "\"x\"", "\n", "- ", "!Ref");
    }

    /** Runs all three readers; each must either succeed or throw ImportException. */
    private static void readAll(String text) {
        for (Reader reader : new Reader[] {
            NoSqlWorkbenchFormat::read, t -> CloudFormationFormat.read(t, "p"), t -> AwsCliFormat.read(t, "p")
        }) {
            try {
                ImportResult result = reader.read(text);
                assertFalse(result.project().name().isEmpty());
            } catch (ImportException expected) {
                assertFalse(expected.getMessage().isBlank());
            }
        }
    }

    @Property(tries = 200)
    void truncated_files_fail_cleanly(@ForAll("files") String text, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        readAll(text.substring(0, Math.min(cut, text.length())));
    }

    @Property(tries = 200)
    void edited_files_fail_cleanly(
            @ForAll("files") String text,
            @ForAll @IntRange(min = 0, max = 10_000) int at,
            @ForAll @IntRange(min = 0, max = 12) int length,
            @ForAll("replacements") String replacement) {
        int start = Math.min(at, text.length());
        int end = Math.min(start + length, text.length());
        readAll(text.substring(0, start) + replacement + text.substring(end));
    }

    @Property(tries = 60)
    void values_of_the_wrong_type_fail_cleanly(
            @ForAll("files") String text, @ForAll("replacements") String replacement) {
        // replace every string value of one arbitrary kind: all "S" types, all capacity numbers...
        readAll(text.replace("\"S\"", replacement).replace(": 5", ": " + replacement));
    }

    @FunctionalInterface
    private interface Reader {
        ImportResult read(String text) throws ImportException;
    }
}
