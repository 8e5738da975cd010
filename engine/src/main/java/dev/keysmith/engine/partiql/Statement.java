package dev.keysmith.engine.partiql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parsed PartiQL statement. Immutable. */
sealed interface Statement {
    /** The table the statement addresses. */
    String table();

    /**
     * {@code SELECT}. {@code projection} is empty for {@code *}.
     *
     * @param index the index after {@code "Table"."Index"}, or null
     */
    record Select(
            List<Path> projection,
            String table,
            @Nullable String index,
            @Nullable Expr where,
            List<Order> orderBy) implements Statement {
        public Select {
            projection = List.copyOf(projection);
            orderBy = List.copyOf(orderBy);
        }
    }

    record Order(String attribute, boolean ascending) {}

    /** {@code INSERT INTO table VALUE item}. */
    record Insert(String table, Expr item) implements Statement {}

    /** {@code UPDATE table SET ... REMOVE ... WHERE ... [RETURNING ...]}. */
    record Update(
            String table,
            List<Action> actions,
            Expr where,
            @Nullable Returning returning) implements Statement {
        public Update {
            actions = List.copyOf(actions);
        }
    }

    /** {@code DELETE FROM table WHERE ... [RETURNING ALL OLD *]}. */
    record Delete(String table, Expr where, @Nullable Returning returning) implements Statement {}

    /** {@code EXISTS(SELECT * FROM table WHERE ...)}: a condition check inside a write transaction. */
    record Exists(Select select) implements Statement {
        @Override
        public String table() {
            return select.table();
        }
    }

    sealed interface Action permits Set, Remove {}

    record Set(Path path, Expr value) implements Action {}

    record Remove(Path path) implements Action {}

    /** {@code RETURNING ALL|MODIFIED OLD|NEW *}. */
    enum Returning {
        ALL_OLD("ALL OLD *"),
        MODIFIED_OLD("MODIFIED OLD *"),
        ALL_NEW("ALL NEW *"),
        MODIFIED_NEW("MODIFIED NEW *");

        final String text;

        Returning(String text) {
            this.text = text;
        }
    }
}
