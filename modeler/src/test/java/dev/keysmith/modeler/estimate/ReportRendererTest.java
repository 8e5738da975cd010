package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads each rendered report back and recomputes every number from the inputs its formula states. */
class ReportRendererTest {
    private static final EstimateReport REPORT = CapacityEstimator.estimate(
            EstimateModels.library(),
            EstimateOptions.defaults()
                    .withPattern("P2", PatternAssumptions.NONE.withUpdatedAttributes(Set.of("title")))
                    .withAdditionalRegions(1)
                    .withStreamConsumers(1, 1));

    @Test
    void csv_everyRowRecomputesFromItsFormula() {
        String csv = CapacityEstimator.render(REPORT, ReportFormat.CSV);
        List<List<String>> rows = parseCsv(csv);
        assertEquals(List.of("section", "scope", "name", "value", "unit", "formula"), rows.getFirst());
        int numbers = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(6, row.size(), row.toString());
            if (row.getFirst().equals("INFO")) {
                continue;
            }
            FormulaCheck.assertConsistent(row.get(5), Double.parseDouble(row.get(3)));
            numbers++;
        }
        assertEquals(REPORT.lines().size(), numbers);
        assertTrue(csv.contains("INFO,model,price table,,,\"us-east-1, USD, prices as of 2026-11-21\""), csv);
    }

    @Test
    void json_everyLineRecomputesFromItsFormula() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CapacityEstimator.render(REPORT, ReportFormat.JSON));
        assertEquals("2026-11-21", json.get("pricesAsOf").asText());
        assertEquals("us-east-1", json.get("region").asText());
        JsonNode lines = json.get("lines");
        assertEquals(REPORT.lines().size(), lines.size());
        for (JsonNode line : lines) {
            FormulaCheck.assertConsistent(
                    line.get("formula").asText(), line.get("value").asDouble());
        }
        JsonNode p1 = json.get("patterns").get(0).get("perRequest");
        assertEquals(10, p1.get("total").asDouble());
        assertEquals(4, p1.get("globalSecondaryIndexes").get("ByAuthor").asDouble());
    }

    @Test
    void textAndMarkdown_showThePriceTableAssumptionsAndFormulas() {
        for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.MARKDOWN)) {
            String out = CapacityEstimator.render(REPORT, format);
            assertTrue(out.contains("us-east-1, USD, prices as of 2026-11-21"), format + "\n" + out);
            assertTrue(out.contains("Assumptions"), format.name());
            assertTrue(out.contains("ceil(3,153 B / 1,024 B) = 4 WCU"), format.name());
            assertTrue(out.contains("Table Books: "), format.name());
        }
    }

    @Test
    void markdown_tablesHaveOneRowPerLine() {
        String md = CapacityEstimator.render(REPORT, ReportFormat.MARKDOWN);
        long rows = md.lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| Scope"))
                .count();
        assertEquals(REPORT.lines().size(), rows);
    }

    @Test
    void formatNames_parseAndUnknownOnesAreExplained() {
        assertEquals(ReportFormat.MARKDOWN, ReportFormat.parse("md"));
        assertEquals(ReportFormat.JSON, ReportFormat.parse("JSON"));
        var e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("xml"));
        assertEquals("Unknown report format 'xml'; use text, json, csv or markdown", e.getMessage());
    }

    /** RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
