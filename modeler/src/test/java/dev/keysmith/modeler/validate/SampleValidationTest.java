package dev.keysmith.modeler.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keysmith.modeler.io.NoSqlWorkbenchFormat;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.TestModels;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleValidationTest {

    static Project sample(String path) throws Exception {
        try (InputStream in = SampleValidationTest.class.getResourceAsStream(path)) {
            return NoSqlWorkbenchFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .project();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/samples/ComplaintManagementSchema.json",
                "/samples/ConnectedVehiclesSchema.json",
                "/samples/RecurringPaymentsSchema.json",
                "/samples/SessionManagementSchema.json"
            })
    void samples_have_no_errors(String path) throws Exception {
        List<Diagnostic> diagnostics = ModelValidator.validate(sample(path));
        assertEquals(
                List.of(),
                diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList());
    }

    @Test
    void the_test_shop_model_is_clean() {
        List<Diagnostic> diagnostics = ModelValidator.validate(TestModels.shop());
        assertEquals(
                List.of(),
                diagnostics.stream().filter(d -> d.severity() != Severity.INFO).toList());
    }
}
