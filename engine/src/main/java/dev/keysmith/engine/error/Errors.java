package dev.keysmith.engine.error;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Builds the exceptions the engine throws. They are the AWS SDK's own exception types, filled in exactly as the SDK
 * fills them from a real DynamoDB error response, so in-process callers and wire clients see the same thing. Only
 * {@code wire.ErrorMapper} knows the wire {@code __type} strings.
 */
public final class Errors {
    private Errors() {}

    /** A {@code ValidationException} (no SDK subclass exists for it). */
    public static DynamoDbException validation(String message) {
        return (DynamoDbException) DynamoDbException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("ValidationException", message, 400))
                .build();
    }

    /** A {@code SerializationException}: the request body could not be read as the operation's input. */
    public static DynamoDbException serialization(String message) {
        return (DynamoDbException) DynamoDbException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("SerializationException", message, 400))
                .build();
    }

    /** A generic DynamoDB error with the given code (for codes the SDK has no class for). */
    public static DynamoDbException of(String errorCode, String message, int status) {
        return (DynamoDbException) DynamoDbException.builder()
                .message(message)
                .statusCode(status)
                .awsErrorDetails(details(errorCode, message, status))
                .build();
    }

    public static ResourceNotFoundException resourceNotFound(String message) {
        return ResourceNotFoundException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("ResourceNotFoundException", message, 400))
                .build();
    }

    /** The data-plane text for a missing table. */
    public static ResourceNotFoundException tableNotFoundDataPlane() {
        return resourceNotFound("Requested resource not found");
    }

    /** The control-plane text for a missing table (DescribeTable, DeleteTable, UpdateTable). */
    public static ResourceNotFoundException tableNotFound(String tableName) {
        return resourceNotFound("Requested resource not found: Table: " + tableName + " not found");
    }

    public static ResourceInUseException resourceInUse(String message) {
        return ResourceInUseException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("ResourceInUseException", message, 400))
                .build();
    }

    public static ConditionalCheckFailedException conditionalCheckFailed(@Nullable Map<String, AttributeValue> item) {
        String message = "The conditional request failed";
        var builder = ConditionalCheckFailedException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("ConditionalCheckFailedException", message, 400));
        if (item != null) {
            builder.item(item);
        }
        return (ConditionalCheckFailedException) builder.build();
    }

    /**
     * A {@code TransactionCanceledException} with one reason per action, in order; its message lists the codes as
     * DynamoDB's does: {@code Transaction cancelled, please refer cancellation reasons for specific reasons [None,
     * ConditionalCheckFailed]}.
     */
    public static software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException transactionCanceled(
            java.util.List<software.amazon.awssdk.services.dynamodb.model.CancellationReason> reasons) {
        StringBuilder codes = new StringBuilder();
        for (var r : reasons) {
            if (!codes.isEmpty()) {
                codes.append(", ");
            }
            codes.append(r.code());
        }
        String message =
                "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]";
        return (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException)
                software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.builder()
                        .message(message)
                        .cancellationReasons(reasons)
                        .statusCode(400)
                        .awsErrorDetails(details("TransactionCanceledException", message, 400))
                        .build();
    }

    // --- backups, tags, throughput emulation and unsupported operations (engine-extras) ---

    /** CreateBackup, UpdateContinuousBackups... on a missing table: {@code Table not found: <name>}. */
    public static software.amazon.awssdk.services.dynamodb.model.TableNotFoundException tableNotFoundForBackup(
            String tableName) {
        String message = "Table not found: " + tableName;
        return (software.amazon.awssdk.services.dynamodb.model.TableNotFoundException)
                software.amazon.awssdk.services.dynamodb.model.TableNotFoundException.builder()
                        .message(message)
                        .statusCode(400)
                        .awsErrorDetails(details("TableNotFoundException", message, 400))
                        .build();
    }

    /** A backup ARN naming no backup: {@code Backup not found: <arn>}. */
    public static software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException backupNotFound(
            String backupArn) {
        String message = "Backup not found: " + backupArn;
        return (software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException)
                software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException.builder()
                        .message(message)
                        .statusCode(400)
                        .awsErrorDetails(details("BackupNotFoundException", message, 400))
                        .build();
    }

    /** A restore into an existing table name: {@code Table already exists: <name>}. */
    public static software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException tableAlreadyExists(
            String tableName) {
        String message = "Table already exists: " + tableName;
        return (software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException)
                software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException.builder()
                        .message(message)
                        .statusCode(400)
                        .awsErrorDetails(details("TableAlreadyExistsException", message, 400))
                        .build();
    }

    /** Throttling of a provisioned table, or of one of its GSIs when {@code index} is true. */
    public static software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException
            throughputExceeded(boolean index) {
        String message = throughputExceededMessage(index);
        return (software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException)
                software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                        .message(message)
                        .statusCode(400)
                        .awsErrorDetails(details("ProvisionedThroughputExceededException", message, 400))
                        .build();
    }

    /** DynamoDB's text for throttling of a table, or of one or more of its GSIs. */
    public static String throughputExceededMessage(boolean index) {
        return index
                ? "The level of configured provisioned throughput for one or more global secondary indexes of the"
                        + " table was exceeded. Consider increasing your provisioning level for the under-provisioned"
                        + " global secondary indexes with the UpdateTable API."
                : "The level of configured provisioned throughput for the table was exceeded. Consider increasing"
                        + " your provisioning level with the UpdateTable API.";
    }

    /** The error code of any engine exception ({@code ValidationException}, {@code ResourceNotFoundException}...). */
    public static String code(DynamoDbException e) {
        AwsErrorDetails d = e.awsErrorDetails();
        return d == null || d.errorCode() == null ? "InternalServerError" : d.errorCode();
    }

    private static AwsErrorDetails details(String code, String message, int status) {
        return AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("DynamoDb")
                .sdkHttpResponse(software.amazon.awssdk.http.SdkHttpResponse.builder()
                        .statusCode(status)
                        .build())
                .build();
    }
}
