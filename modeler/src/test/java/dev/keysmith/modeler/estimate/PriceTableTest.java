package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.modeler.model.TableClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {
    @TempDir
    Path dir;

    private static String bundledJson() throws IOException {
        try (var in = PriceTable.class.getResourceAsStream("prices-us-east-1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bundled_holdsTheUsEast1PricesWithTheirDate() {
        PriceTable prices = PriceTable.bundled();
        assertEquals("us-east-1", prices.region());
        assertEquals(LocalDate.of(2026, 11, 21), prices.asOfDate());
        assertEquals(0.625, prices.onDemand(TableClass.STANDARD).writeRequestUnitPerMillion());
        assertEquals(0.125, prices.onDemand(TableClass.STANDARD).readRequestUnitPerMillion());
        assertEquals(
                0.78, prices.onDemand(TableClass.STANDARD_INFREQUENT_ACCESS).writeRequestUnitPerMillion());
        assertEquals(0.00065, prices.provisioned(TableClass.STANDARD).wcuHour());
        assertEquals(
                0.00016,
                prices.provisioned(TableClass.STANDARD_INFREQUENT_ACCESS).rcuHour());
        assertEquals(0.10, prices.storagePerGbMonth(TableClass.STANDARD_INFREQUENT_ACCESS));
        assertEquals(150, prices.reservedCapacity().term(1).wcu().upfront());
        assertEquals(2_628_000, prices.secondsPerMonth());
        assertEquals("us-east-1, USD, prices as of 2026-11-21", prices.describe());
        assertTrue(prices.source().size() >= 3);
    }

    @Test
    void load_readsAUserFile() throws IOException {
        Path file = dir.resolve("eu.json");
        Files.writeString(
                file,
                bundledJson().replace("\"us-east-1\"", "\"eu-west-1\"").replace("\"2026-11-21\"", "\"2027-01-02\""));
        PriceTable prices = PriceTable.load(file);
        assertEquals("eu-west-1", prices.region());
        assertEquals(LocalDate.of(2027, 1, 2), prices.asOfDate());
    }

    @Test
    void load_reportsMalformedJson() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{ \"schemaVersion\": 1, ");
        var e = assertThrows(InvalidPriceTableException.class, () -> PriceTable.load(file));
        assertTrue(e.getMessage().startsWith("Invalid price table " + file + ": not valid JSON"), e.getMessage());
    }

    @Test
    void load_namesAMissingPrice() throws IOException {
        Path file = dir.resolve("missing.json");
        Files.writeString(file, bundledJson().replace("\"wcuHour\": 0.00065, ", ""));
        var e = assertThrows(InvalidPriceTableException.class, () -> PriceTable.load(file));
        assertTrue(e.getMessage().contains("'wcuHour'"), e.getMessage());
        assertTrue(e.getMessage().contains("provisioned.STANDARD"), e.getMessage());
    }

    @Test
    void load_rejectsANegativePrice() throws IOException {
        Path file = dir.resolve("negative.json");
        Files.writeString(file, bundledJson().replace("\"rcuHour\": 0.00013", "\"rcuHour\": -0.00013"));
        var e = assertThrows(InvalidPriceTableException.class, () -> PriceTable.load(file));
        assertTrue(e.getMessage().contains("'rcuHour' must be a non-negative price"), e.getMessage());
    }

    @Test
    void load_requiresBothTableClasses() throws IOException {
        Path file = dir.resolve("noia.json");
        Files.writeString(
                file,
                bundledJson()
                        .replace(
                                "\"storageGbMonth\": { \"STANDARD\": 0.25, \"STANDARD_INFREQUENT_ACCESS\": 0.10 }",
                                "\"storageGbMonth\": { \"STANDARD\": 0.25 }"));
        var e = assertThrows(InvalidPriceTableException.class, () -> PriceTable.load(file));
        assertTrue(e.getMessage().contains("missing 'storageGbMonth.STANDARD_INFREQUENT_ACCESS'"), e.getMessage());
    }

    @Test
    void load_rejectsABadDate() throws IOException {
        Path file = dir.resolve("date.json");
        Files.writeString(file, bundledJson().replace("\"2026-11-21\"", "\"Nov 21\""));
        var e = assertThrows(InvalidPriceTableException.class, () -> PriceTable.load(file));
        assertTrue(e.getMessage().contains("'asOf' must be a date"), e.getMessage());
    }

    @Test
    void load_ofAMissingFile_saysWhichFile() {
        Path file = dir.resolve("absent.json");
        var e = assertThrows(UncheckedIOException.class, () -> PriceTable.load(file));
        assertTrue(e.getMessage().contains("absent.json"), e.getMessage());
    }
}
