package dev.keysmith.modeler.engine;

import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.StreamViewType;
import dev.keysmith.modeler.model.TableDesign;
import org.jspecify.annotations.Nullable;

/** One change a {@link Plan} makes to the target. */
public sealed interface Step {

    /** The table it changes. */
    String table();

    /** A one-line description, e.g. {@code create table Orders (2 GSIs)}. */
    String description();

    /** True when the step deletes items (the whole table, or its items as part of a recreate). */
    boolean destructive();

    /** Creates a missing table with its indexes, then sets TTL. */
    record CreateTable(TableDesign design) implements Step {
        @Override
        public String table() {
            return design.name();
        }

        @Override
        public String description() {
            return "create table " + design.name() + " (" + design.gsis().size() + " GSIs, "
                    + design.lsis().size() + " LSIs)";
        }

        @Override
        public boolean destructive() {
            return false;
        }
    }

    /** Deletes a table and creates it again: its key schema or LSIs differ and cannot be changed in place. */
    record RecreateTable(TableDesign design, String reason) implements Step {
        @Override
        public String table() {
            return design.name();
        }

        @Override
        public String description() {
            return "recreate table " + design.name() + " (deletes all its items): " + reason;
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** Adds a GSI (one per UpdateTable call) and waits until it is ACTIVE. */
    record AddGsi(String table, IndexDesign index) implements Step {
        @Override
        public String description() {
            return "add GSI " + index.name() + " to " + table;
        }

        @Override
        public boolean destructive() {
            return false;
        }
    }

    /** Removes a GSI the model no longer has (or re-adds one whose definition changed, after this step). */
    record RemoveGsi(String table, String indexName) implements Step {
        @Override
        public String description() {
            return "remove GSI " + indexName + " from " + table;
        }

        @Override
        public boolean destructive() {
            return false;
        }
    }

    /** Turns Time to Live on or off for {@code attribute}. */
    record SetTtl(String table, String attribute, boolean enabled) implements Step {
        @Override
        public String description() {
            return (enabled ? "enable" : "disable") + " TTL on " + table + " with attribute " + attribute;
        }

        @Override
        public boolean destructive() {
            return false;
        }
    }

    /** Turns the stream on (view type non-null) or off. */
    record SetStream(String table, @Nullable StreamViewType viewType) implements Step {
        @Override
        public String description() {
            return viewType == null ? "disable the stream of " + table : "enable a " + viewType + " stream on " + table;
        }

        @Override
        public boolean destructive() {
            return false;
        }
    }
}
