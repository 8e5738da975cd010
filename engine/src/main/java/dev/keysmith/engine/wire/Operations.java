package dev.keysmith.engine.wire;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The {@code X-Amz-Target} dispatch table, found once by reflection: for every action {@code A} of the client
 * interface there is a method {@code a(ARequest)} returning {@code AResponse}. Nothing here is per-operation code, so
 * every DynamoDB and DynamoDB Streams action the SDK models is served.
 */
final class Operations {
    static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";

    /** One action: how to build its request and how to call the client with it. */
    record Operation(String target, Supplier<SdkPojo> newRequestBuilder, MethodHandle call) {
        /** Calls the client; throws whatever the client throws. */
        Object invoke(SdkPojo request) throws Throwable {
            return call.invoke(request);
        }
    }

    private final Map<String, Operation> byTarget;

    private Operations(Map<String, Operation> byTarget) {
        this.byTarget = byTarget;
    }

    static Operations discover(DynamoDbClient dynamo, @Nullable DynamoDbStreamsClient streams) {
        Map<String, Operation> byTarget = new HashMap<>();
        register(byTarget, DYNAMODB_PREFIX, DynamoDbClient.class, dynamo);
        if (streams != null) {
            register(byTarget, STREAMS_PREFIX, DynamoDbStreamsClient.class, streams);
        }
        return new Operations(Map.copyOf(byTarget));
    }

    @Nullable
    Operation find(@Nullable String target) {
        return target == null ? null : byTarget.get(target);
    }

    int size() {
        return byTarget.size();
    }

    private static void register(Map<String, Operation> byTarget, String prefix, Class<?> api, Object client) {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (Method method : api.getMethods()) {
            if (method.getParameterCount() != 1 || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Class<?> requestType = method.getParameterTypes()[0];
            String requestName = requestType.getSimpleName();
            if (!SdkRequest.class.isAssignableFrom(requestType) || !requestName.endsWith("Request")) {
                continue;
            }
            String action = requestName.substring(0, requestName.length() - "Request".length());
            if (!method.getName().equals(lowerFirst(action))
                    || !method.getReturnType().getSimpleName().equals(action + "Response")) {
                continue;
            }
            try {
                MethodHandle call = lookup.unreflect(method)
                        .bindTo(client)
                        .asType(MethodType.methodType(Object.class, SdkPojo.class));
                MethodHandle builder = lookup.findStatic(
                                requestType,
                                "builder",
                                MethodType.methodType(
                                        requestType.getMethod("builder").getReturnType()))
                        .asType(MethodType.methodType(SdkPojo.class));
                byTarget.put(prefix + action, new Operation(prefix + action, () -> newBuilder(builder), call));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot bind " + api.getSimpleName() + "." + method.getName(), e);
            }
        }
    }

    private static SdkPojo newBuilder(MethodHandle builder) {
        try {
            return (SdkPojo) builder.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create a request builder", e);
        }
    }

    private static String lowerFirst(String action) {
        return Character.toLowerCase(action.charAt(0)) + action.substring(1);
    }
}
