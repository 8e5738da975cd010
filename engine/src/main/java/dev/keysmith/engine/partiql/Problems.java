package dev.keysmith.engine.partiql;

import dev.keysmith.engine.error.Errors;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** DynamoDB's PartiQL error messages. */
final class Problems {
    static final String INCOMPLETE_KEY = "Where clause does not contain a mandatory equality on all key attributes";
    static final String PARAMETER_COUNT = "Number of parameters in request and statement don't match.";
    static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";
    static final String MISSING_COMPARED = "MISSING must be compared using IS operator";
    static final String INVALID_NEXT_TOKEN = "Invalid NextToken";
    static final String TX_READ_KEYS =
            "Select statements within ExecuteTransaction must specify the primary key in the where clause.";
    static final String TX_INDEX_READ = "Reads on indices are not supported within transactions.";
    static final String TX_INDEX_WRITE = "Operations on indices are not supported in transactions";
    static final String EXISTS_OUTSIDE_TX = "EXISTS can only be used in ExecuteTransaction write requests.";
    static final String ORDER_BY_WITHOUT_WHERE = "Must have WHERE clause in the statement when using ORDER BY clause.";
    static final String ORDER_BY_WITHOUT_HASH =
            "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.";
    static final String WRITE_ON_INDEX = "This operation is not supported on an index";
    static final String INSERT_RETURNING = "RETURNING is not supported in INSERT";
    static final String DML_ON_INDEX =
            "FROM clause may only contain a single table name in data manipulation statements";
    static final String INSERT_NOT_STRUCT = "Unsupported format in item expression. Please use struct format {...}"
            + " to express item values for insert statement.";
    static final String TX_MIXED =
            "ExecuteTransaction API does not support both read and write operations in the same request.";
    static final String TX_RETURNING = "RETURNING clause is not supported in ExecuteTransaction.";
    static final String EXISTS_WITHOUT_CONDITION = "EXISTS() must contain a single item read with additional condition";
    static final String BATCH_MIXED = "Read and write requests together in the same batch is not supported.";
    static final String BATCH_DUPLICATES = "Provided list of item keys contains duplicates";
    static final String BATCH_SINGLE_SELECT = "Only single item select is supported";
    static final String EMPTY_SET = "Empty bags are not supported";
    static final String MIXED_SET =
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";

    private Problems() {}

    /** A statement the parser cannot read: {@code Statement wasn't well formed, can't be processed: <detail>}. */
    static DynamoDbException syntax(String detail) {
        return Errors.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    static DynamoDbException invalid(String message) {
        return Errors.validation(message);
    }

    static DynamoDbException duplicateItem() {
        return (DynamoDbException) DuplicateItemException.builder()
                .message(DUPLICATE_ITEM)
                .statusCode(400)
                .awsErrorDetails(
                        Errors.of("DuplicateItemException", DUPLICATE_ITEM, 400).awsErrorDetails())
                .build();
    }

    /** A statement's own error inside ExecuteTransaction, e.g. {@code Validation failed in TransactStatements[0]: ...}. */
    static DynamoDbException inTransaction(int index, String message) {
        return Errors.validation("Validation failed in TransactStatements[" + index + "]: " + message);
    }

    static String orderByNonKey(String name) {
        return "Variable reference " + name + " in ORDER BY clause must be part of the primary key";
    }

    static String deleteReturning(String returning) {
        return "Invalid returning clause: RETURNING " + returning
                + ". Only RETURNING ALL OLD * is allowed in DELETE statements.";
    }

    static String unsupportedOperator(String op) {
        return "Unsupported operator in Condition Expression. Operator: " + op;
    }

    static String unrecognizedFunction(String name) {
        return "Unrecognized function: " + name;
    }

    static String duplicateSelectNames(String name) {
        return "Duplicate identifiers in select clause: " + name;
    }

    static String keyAbsent(String key) {
        return "Key attribute should be present in the item: Key " + key;
    }

    static String keyTypeMismatch(String key) {
        return "Key attribute's data type should match its data type in table's schema: Key " + key;
    }
}
