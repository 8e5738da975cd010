package dev.keysmith.engine.surface;

import dev.keysmith.engine.error.Errors;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The answer to an operation the local engine does not implement: an {@code UnknownOperationException}. */
public final class Unsupported {
    private Unsupported() {}

    /** {@code UnknownOperationException: <Operation> is not supported by Keysmith's local engine}. */
    public static DynamoDbException operation(String operation) {
        return Errors.of("UnknownOperationException", operation + " is not supported by Keysmith's local engine", 400);
    }
}
