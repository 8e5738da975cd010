package dev.keysmith.modeler.estimate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keysmith.modeler.model.TableClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB prices for one region on one date, as bundled in {@code prices-us-east-1.json} or given by the user. The
 * JSON layout is the reference price file (reference §6.4); fields starting with "_" are notes and are ignored.
 */
public record PriceTable(
        int schemaVersion,
        String service,
        String region,
        String currency,
        String asOf,
        @Nullable String effectiveFrom,
        List<String> source,
        Units units,
        Map<TableClass, OnDemand> onDemand,
        Map<TableClass, Provisioned> provisioned,
        Map<TableClass, Double> storageGbMonth,
        FreeTier freeTier,
        Backup backup,
        Streams streams,
        DataTransfer dataTransfer,
        ReservedCapacity reservedCapacity) {

    private static final String BUNDLED = "prices-us-east-1.json";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public PriceTable {
        require(service, "service");
        require(region, "region");
        require(currency, "currency");
        date(require(asOf, "asOf"));
        source = List.copyOf(require(source, "source"));
        require(units, "units");
        onDemand = complete(onDemand, "onDemand");
        provisioned = complete(provisioned, "provisioned");
        storageGbMonth = complete(storageGbMonth, "storageGbMonth");
        storageGbMonth.forEach((tableClass, price) -> nonNegative(price, "storageGbMonth." + tableClass));
        require(freeTier, "freeTier");
        require(backup, "backup");
        require(streams, "streams");
        require(dataTransfer, "dataTransfer");
        require(reservedCapacity, "reservedCapacity");
    }

    /** The price table bundled with Keysmith (us-east-1). */
    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The bundled price table " + BUNDLED + " is missing from the classpath");
            }
            return parse(in.readAllBytes(), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a price table file with the bundled file's layout.
     *
     * @throws InvalidPriceTableException if the file is not valid JSON or a price is missing, null or negative
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PriceTable load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the price table " + file + ": " + e.getMessage(), e);
        }
    }

    static PriceTable parse(byte[] json, String origin) {
        try {
            return MAPPER.readValue(json, PriceTable.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw invalid(origin, cause.getMessage(), e);
        } catch (JsonMappingException e) {
            throw invalid(origin, e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidPriceTableException(
                    "Invalid price table " + origin + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidPriceTableException invalid(String origin, String problem, JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return new InvalidPriceTableException(
                "Invalid price table " + origin + ": " + problem + (path.isEmpty() ? "" : " at " + path) + where, e);
    }

    /** On-demand request-unit prices for a table class. */
    public OnDemand onDemand(TableClass tableClass) {
        return onDemand.get(tableClass);
    }

    /** Provisioned capacity-unit prices for a table class. */
    public Provisioned provisioned(TableClass tableClass) {
        return provisioned.get(tableClass);
    }

    /** Storage price per GB-month for a table class. */
    public double storagePerGbMonth(TableClass tableClass) {
        return storageGbMonth.get(tableClass);
    }

    /** Seconds in the billing month ({@code units.hoursPerMonth} x 3,600). */
    public double secondsPerMonth() {
        return units.hoursPerMonth() * 3_600;
    }

    /** "us-east-1, USD, prices as of 2026-11-21": shown on every report. */
    public String describe() {
        return region + ", " + currency + ", prices as of " + asOf;
    }

    /** Units and conventions of the price file. */
    public record Units(
            long gbBytes,
            long gbBytesAlternative,
            double hoursPerMonth,
            long perItemStorageOverheadBytes,
            long globalTablesExtraOverheadBytes) {
        public Units {
            if (gbBytes <= 0 || hoursPerMonth <= 0) {
                throw new IllegalArgumentException("gbBytes and hoursPerMonth must be positive");
            }
        }
    }

    /** On-demand prices per million request units. */
    public record OnDemand(
            double writeRequestUnitPerMillion,
            double readRequestUnitPerMillion,
            double replicatedWriteRequestUnitPerMillion) {
        public OnDemand {
            nonNegative(writeRequestUnitPerMillion, "writeRequestUnitPerMillion");
            nonNegative(readRequestUnitPerMillion, "readRequestUnitPerMillion");
            nonNegative(replicatedWriteRequestUnitPerMillion, "replicatedWriteRequestUnitPerMillion");
        }
    }

    /** Provisioned prices per capacity-unit hour. */
    public record Provisioned(double wcuHour, double rcuHour, double replicatedWcuHour) {
        public Provisioned {
            nonNegative(wcuHour, "wcuHour");
            nonNegative(rcuHour, "rcuHour");
            nonNegative(replicatedWcuHour, "replicatedWcuHour");
        }
    }

    /** The always-free allowances, per account and region (never per table). */
    public record FreeTier(
            double standardStorageGbMonth,
            double provisionedWcu,
            double provisionedRcu,
            double provisionedUnitHoursPerMonthEach,
            double streamsReadRequestUnitsPerMonth,
            double dataTransferOutGbPerMonthAllServices) {}

    /** Backup prices. */
    public record Backup(double pitrGbMonth, double onDemandBackupGbMonth, double restoreGb) {
        public Backup {
            nonNegative(pitrGbMonth, "pitrGbMonth");
            nonNegative(onDemandBackupGbMonth, "onDemandBackupGbMonth");
        }
    }

    /** DynamoDB Streams read request prices. */
    public record Streams(double readRequestUnitsPer100k, boolean lambdaAndGlobalTablesReadsFree) {
        public Streams {
            nonNegative(readRequestUnitsPer100k, "readRequestUnitsPer100k");
        }
    }

    /** Data transfer prices (replication between regions uses {@code interRegionPerGb}). */
    public record DataTransfer(double inPerGb, List<Tier> outToInternetTiersPerGb, double interRegionPerGb) {
        public DataTransfer {
            outToInternetTiersPerGb = List.copyOf(require(outToInternetTiersPerGb, "outToInternetTiersPerGb"));
            nonNegative(interRegionPerGb, "interRegionPerGb");
        }
    }

    /** One tier of a tiered price; {@code upToGb} null means unbounded. */
    public record Tier(@Nullable Double upToGb, double price) {}

    /** Reserved capacity (Standard table class, provisioned mode only), sold in blocks of {@code blockUnits}. */
    public record ReservedCapacity(int blockUnits, Term oneYear, Term threeYear) {
        public ReservedCapacity {
            if (blockUnits <= 0) {
                throw new IllegalArgumentException("blockUnits must be positive");
            }
            require(oneYear, "oneYear");
            require(threeYear, "threeYear");
        }

        /** The prices of a term of 1 or 3 years. */
        public Term term(int years) {
            return switch (years) {
                case 1 -> oneYear;
                case 3 -> threeYear;
                default -> throw new IllegalArgumentException("Reserved capacity terms are 1 or 3 years, not " + years);
            };
        }
    }

    /** One reserved-capacity term: the price of a block of write units and of read units. */
    public record Term(Block wcu, Block rcu) {
        public Term {
            require(wcu, "wcu");
            require(rcu, "rcu");
        }
    }

    /** A reserved block: paid once up front, plus an hourly rate for the whole term. */
    public record Block(double upfront, double hourly) {
        public Block {
            nonNegative(upfront, "upfront");
            nonNegative(hourly, "hourly");
        }
    }

    private static <T> T require(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing '" + name + "'");
        }
        return value;
    }

    private static void nonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("'" + name + "' must be a non-negative price, not " + value);
        }
    }

    private static <V> Map<TableClass, V> complete(@Nullable Map<TableClass, V> byClass, String name) {
        require(byClass, name);
        for (TableClass tableClass : TableClass.values()) {
            require(byClass.get(tableClass), name + "." + tableClass);
        }
        return Map.copyOf(new EnumMap<>(byClass));
    }

    /** The date the prices were checked. */
    public LocalDate asOfDate() {
        return date(asOf);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'asOf' must be a date (yyyy-mm-dd), not '" + text + "'", e);
        }
    }
}
