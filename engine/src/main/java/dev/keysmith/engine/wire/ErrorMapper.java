package dev.keysmith.engine.wire;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;

/**
 * The only place that knows DynamoDB's error wire format: {@code {"__type": "<namespace>#<Code>", "message": ...}}
 * plus the exception's modeled members ({@code Item} of ConditionalCheckFailedException, {@code CancellationReasons}
 * of TransactionCanceledException), with the HTTP status DynamoDB uses.
 */
final class ErrorMapper {
    static final String DYNAMODB_NAMESPACE = "com.amazonaws.dynamodb.v20120810#";
    static final String CORAL_SERVICE_NAMESPACE = "com.amazon.coral.service#";
    static final String CORAL_VALIDATE_NAMESPACE = "com.amazon.coral.validate#";
    static final String CORAL_AVAILABILITY_NAMESPACE = "com.amazon.coral.availability#";
    static final String INTERNAL_SERVER_ERROR = "InternalServerError";

    /** Errors raised by AWS's request framework rather than by DynamoDB itself. */
    private static final Set<String> FRAMEWORK_ERRORS = Set.of(
            "SerializationException",
            "UnknownOperationException",
            "MissingAuthenticationTokenException",
            "IncompleteSignatureException",
            "InvalidSignatureException",
            "UnrecognizedClientException",
            "AccessDeniedException");

    /** Errors whose message member is spelled {@code Message} on the wire. */
    private static final Set<String> CAPITALISED_MESSAGE =
            Set.of("SerializationException", "TransactionCanceledException");

    /** The SDK models some DynamoDB error shapes under a class name that differs from the wire code. */
    private static final Map<String, String> CODE_BY_CLASS = Map.of(
            "InternalServerErrorException",
            INTERNAL_SERVER_ERROR,
            "RequestLimitExceededException",
            "RequestLimitExceeded");

    /** SDK exceptions are not {@code SdkPojo}s, but the modeled ones expose {@code sdkFields()} all the same. */
    private static final ClassValue<Optional<Method>> SDK_FIELDS_METHOD = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                Method method = type.getMethod("sdkFields");
                return List.class.isAssignableFrom(method.getReturnType()) ? Optional.of(method) : Optional.empty();
            } catch (NoSuchMethodException none) {
                return Optional.empty();
            }
        }
    };

    private ErrorMapper() {}

    /** The response for an exception thrown by the client (or by the wire layer itself, e.g. a decode error). */
    static WireResponse toResponse(AwsServiceException error, String contentType) {
        String code = code(error);
        int status = status(code, error.statusCode());
        Map<String, String> leading = new LinkedHashMap<>();
        leading.put("__type", namespace(code) + code);
        String message = message(error);
        if (message != null) {
            leading.put(CAPITALISED_MESSAGE.contains(code) ? "Message" : "message", message);
        }
        List<SdkField<?>> modeled = modeledFields(error);
        return new WireResponse(status, contentType, JsonCodec.write(error, modeled, leading));
    }

    /** The answer to anything unexpected: DynamoDB's retryable 500. */
    static WireResponse internalError(String contentType) {
        Map<String, String> leading = new LinkedHashMap<>();
        leading.put("__type", DYNAMODB_NAMESPACE + INTERNAL_SERVER_ERROR);
        leading.put("message", "Internal server error");
        return new WireResponse(500, contentType, JsonCodec.write(new Object(), List.of(), leading));
    }

    static String code(AwsServiceException error) {
        AwsErrorDetails details = error.awsErrorDetails();
        if (details != null
                && details.errorCode() != null
                && !details.errorCode().isBlank()) {
            return details.errorCode();
        }
        String className = error.getClass().getSimpleName();
        String mapped = CODE_BY_CLASS.get(className);
        if (mapped != null) {
            return mapped;
        }
        // a generic service exception without a code carries no wire identity: report it as a server error
        return isGeneric(className) ? INTERNAL_SERVER_ERROR : className;
    }

    static String namespace(String code) {
        if (code.equals("ValidationException")) {
            return CORAL_VALIDATE_NAMESPACE;
        }
        if (code.equals("ThrottlingException")) {
            return CORAL_AVAILABILITY_NAMESPACE;
        }
        return FRAMEWORK_ERRORS.contains(code) ? CORAL_SERVICE_NAMESPACE : DYNAMODB_NAMESPACE;
    }

    private static boolean isGeneric(String className) {
        return className.equals("DynamoDbException")
                || className.equals("AwsServiceException")
                || className.equals("SdkServiceException");
    }

    private static int status(String code, int statusCode) {
        if (code.equals(INTERNAL_SERVER_ERROR)) {
            return 500;
        }
        return statusCode >= 400 && statusCode <= 599 ? statusCode : 400;
    }

    private static @Nullable String message(AwsServiceException error) {
        AwsErrorDetails details = error.awsErrorDetails();
        if (details != null && details.errorMessage() != null) {
            return details.errorMessage();
        }
        return error.toBuilder().message();
    }

    @SuppressWarnings("unchecked")
    private static List<SdkField<?>> modeledFields(AwsServiceException error) {
        Optional<Method> method = SDK_FIELDS_METHOD.get(error.getClass());
        if (method.isEmpty()) {
            return List.of();
        }
        try {
            return (List<SdkField<?>>) method.get().invoke(error);
        } catch (ReflectiveOperationException unreadable) {
            return List.of();
        }
    }
}
