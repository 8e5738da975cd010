package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.keysmith.modeler.io.NoSqlWorkbenchFormat;
import dev.keysmith.modeler.model.Project;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public NoSQL Workbench sample models, imported and estimated: every number recomputes from its formula. */
class SampleModelsEstimateTest {

    private static Project load(String file) throws Exception {
        try (InputStream in = SampleModelsEstimateTest.class.getResourceAsStream("/samples/" + file)) {
            return NoSqlWorkbenchFormat.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .project();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ComplaintManagementSchema.json",
                "ConnectedVehiclesSchema.json",
                "RecurringPaymentsSchema.json",
                "SessionManagementSchema.json"
            })
    void sampleModel_estimatesWithTraceableNumbers(String file) throws Exception {
        EstimateReport report = CapacityEstimator.estimate(load(file), EstimateOptions.defaults());
        assertFalse(report.tables().isEmpty());
        assertFalse(report.entities().isEmpty());
        for (LineItem line : report.lines()) {
            FormulaCheck.assertConsistent(line.formula(), line.value());
        }
        for (ReportFormat format : ReportFormat.values()) {
            assertFalse(CapacityEstimator.render(report, format).isBlank());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ComplaintManagementSchema.json", "SessionManagementSchema.json"})
    void tableLevelSampleData_isMeasured(String file) throws Exception {
        EstimateReport report = CapacityEstimator.estimate(load(file), EstimateOptions.defaults());
        EntitySize measured = report.entities().stream()
                .filter(e -> e.samples() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no measured entity in " + report.entities()));
        assertNotNull(measured.samples());
        assertEquals(Math.ceil(measured.samples().averageBytes() - 1e-9), measured.itemBytes());
    }
}
