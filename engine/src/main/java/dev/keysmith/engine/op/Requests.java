package dev.keysmith.engine.op;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.expr.ExpressionContext;
import dev.keysmith.engine.expr.Expressions;
import dev.keysmith.engine.expr.Legacy;
import dev.keysmith.engine.expr.Projection;
import dev.keysmith.engine.table.IndexDef;
import dev.keysmith.engine.table.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Request checks shared by the data-plane operations, with DynamoDB's messages and order. */
final class Requests {
    private Requests() {}

    /**
     * Checks the TableName member of a data-plane request and returns the table name (a table ARN is accepted and
     * reduced to its name, as DynamoDB does).
     */
    static String tableName(@Nullable String name) {
        if (name == null) {
            throw Errors.validation("1 validation error detected: Value null at 'tableName' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        if (name.isEmpty()) {
            throw Errors.validation("1 validation error detected: Value '' at 'tableName' failed to satisfy"
                    + " constraint: Member must have length greater than or equal to 1");
        }
        if (name.length() > 1024) {
            throw Errors.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed to"
                    + " satisfy constraint: Member must have length less than or equal to 1024");
        }
        if (name.startsWith("arn:")) {
            int slash = name.indexOf(":table/");
            if (slash >= 0) {
                return name.substring(slash + ":table/".length());
            }
        }
        return name;
    }

    static void limit(@Nullable Integer limit) {
        if (limit != null && limit < 1) {
            throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to"
                    + " satisfy constraint: Member must have value greater than or equal to 1");
        }
    }

    /**
     * Rejects a request mixing legacy and expression parameters, or passing placeholder maps without any expression.
     * {@code legacy} and {@code expressions} hold the names of the parameters that are present, in DynamoDB's order.
     */
    static void expressionParameters(
            List<String> legacy,
            List<String> expressions,
            @Nullable Map<String, String> names,
            @Nullable Map<String, AttributeValue> values,
            String valuesMissingExpression) {
        Legacy.checkNotMixed(legacy, expressions);
        if (expressions.isEmpty()) {
            if (values != null) {
                throw Errors.validation("ExpressionAttributeValues can only be specified when using expressions: "
                        + valuesMissingExpression);
            }
            if (names != null) {
                throw Errors.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
        }
    }

    /** Collects the names of the present parameters, for {@link #expressionParameters}. */
    static List<String> present(Object... nameValuePairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            Object v = nameValuePairs[i + 1];
            if (v != null
                    && !(v instanceof java.util.Collection<?> c && isAutoConstruct(c))
                    && !(v instanceof Map<?, ?> m && isAutoConstruct(m))) {
                out.add((String) nameValuePairs[i]);
            }
        }
        return out;
    }

    /** The SDK fills unset list and map members with "auto construct" placeholders; they mean "absent". */
    static boolean isAutoConstruct(Object value) {
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
                || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>;
    }

    /**
     * ExpressionAttributeValues, validated before any expression uses them ("ExpressionAttributeValues contains
     * invalid value: <problem> for key <:name>") and returned as sent: DynamoDB's messages quote values as given, and
     * written items are put in canonical form afterwards.
     */
    static @Nullable Map<String, AttributeValue> values(@Nullable Map<String, AttributeValue> values) {
        values = orNull(values);
        if (values == null) {
            return null;
        }
        for (var e : values.entrySet()) {
            try {
                dev.keysmith.engine.value.ItemValidator.validateValue(e.getValue());
            } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException ex) {
                throw Errors.validation("ExpressionAttributeValues contains invalid value: "
                        + ex.awsErrorDetails().errorMessage() + " for key " + e.getKey());
            }
        }
        return values;
    }

    static <K, V> @Nullable Map<K, V> orNull(@Nullable Map<K, V> map) {
        return map == null || isAutoConstruct(map) ? null : map;
    }

    static <T> @Nullable List<T> orNull(@Nullable List<T> list) {
        return list == null || isAutoConstruct(list) ? null : list;
    }

    /** The projection of a read: ProjectionExpression, AttributesToGet, or null for every attribute. */
    static @Nullable Projection projection(
            @Nullable String projectionExpression, @Nullable List<String> attributesToGet, ExpressionContext ctx) {
        if (projectionExpression != null) {
            return Expressions.projection(projectionExpression, ctx);
        }
        if (attributesToGet != null) {
            return Legacy.attributesToGet(attributesToGet);
        }
        return null;
    }

    /** PutItem and DeleteItem accept only NONE and ALL_OLD. */
    static ReturnValue putOrDeleteReturnValues(@Nullable ReturnValue rv) {
        if (rv == null) {
            return ReturnValue.NONE;
        }
        if (rv != ReturnValue.NONE && rv != ReturnValue.ALL_OLD) {
            throw Errors.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return rv;
    }

    /**
     * Checks Select against the projection parameters and the index, returning the effective Select (DynamoDB's
     * default is ALL_ATTRIBUTES on a table and ALL_PROJECTED_ATTRIBUTES on an index, SPECIFIC_ATTRIBUTES with a
     * projection).
     */
    static Select select(
            @Nullable Select select,
            boolean hasProjectionExpression,
            boolean hasAttributesToGet,
            @Nullable String indexName) {
        if (select == null) {
            if (hasProjectionExpression || hasAttributesToGet) {
                return Select.SPECIFIC_ATTRIBUTES;
            }
            return indexName == null ? Select.ALL_ATTRIBUTES : Select.ALL_PROJECTED_ATTRIBUTES;
        }
        if (select != Select.SPECIFIC_ATTRIBUTES) {
            String what = select == Select.COUNT ? "only the Count" : select.toString();
            if (hasAttributesToGet) {
                throw Errors.validation("Cannot specify the AttributesToGet when choosing to get " + what);
            }
            if (hasProjectionExpression) {
                throw Errors.validation("Cannot specify the ProjectionExpression when choosing to get " + what);
            }
        } else if (!hasProjectionExpression && !hasAttributesToGet) {
            throw Errors.validation(
                    "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select == Select.ALL_PROJECTED_ATTRIBUTES && indexName == null) {
            throw Errors.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        return select;
    }

    /** Looks up the index a Query or Scan names, with DynamoDB's checks on it. */
    static @Nullable IndexDef index(
            TableDef table, @Nullable String indexName, @Nullable Boolean consistentRead, Select select) {
        if (indexName == null) {
            return null;
        }
        IndexDef index = table.index(indexName);
        if (index == null) {
            throw Errors.validation("The table does not have the specified index: " + indexName);
        }
        if (index.status() == software.amazon.awssdk.services.dynamodb.model.IndexStatus.CREATING) {
            throw Errors.validation("Cannot read from backfilling global secondary index: " + index.name());
        }
        if (index.global() && Boolean.TRUE.equals(consistentRead)) {
            throw Errors.validation("Consistent reads are not supported on global secondary indexes");
        }
        if (index.global() && select == Select.ALL_ATTRIBUTES && !Projections.projectsAll(index)) {
            throw Errors.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not"
                    + " supported for global secondary index " + index.name()
                    + " because its projection type is not ALL");
        }
        return index;
    }
}
