package dev.keysmith.modeler.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** One data model of a project: its tables and the access patterns they must serve. */
public record DataModel(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("tables") List<TableDesign> tables,
        @JsonProperty("patterns") List<AccessPattern> patterns) {

    public DataModel {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        tables = tables == null ? List.of() : List.copyOf(tables);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

    public static DataModel of(String name, List<TableDesign> tables) {
        return new DataModel(name, "", tables, List.of());
    }

    public Optional<TableDesign> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    public DataModel withName(String name) {
        return new DataModel(name, description, tables, patterns);
    }

    public DataModel withDescription(String description) {
        return new DataModel(name, description, tables, patterns);
    }

    public DataModel withTables(List<TableDesign> tables) {
        return new DataModel(name, description, tables, patterns);
    }

    public DataModel withPatterns(List<AccessPattern> patterns) {
        return new DataModel(name, description, tables, patterns);
    }

    /** Replaces the table with the same name as {@code table}, or appends it. */
    public DataModel withTable(TableDesign table) {
        return withTables(ModelLists.replaceOrAppend(tables, table, TableDesign::name));
    }

    /** Applies {@code edit} to the table named {@code tableName} (no change when there is none). */
    public DataModel editTable(String tableName, UnaryOperator<TableDesign> edit) {
        return withTables(ModelLists.edit(tables, tableName, TableDesign::name, edit));
    }

    /** Replaces the pattern with the same id as {@code pattern}, or appends it. */
    public DataModel withPattern(AccessPattern pattern) {
        return withPatterns(ModelLists.replaceOrAppend(patterns, pattern, AccessPattern::id));
    }
}
