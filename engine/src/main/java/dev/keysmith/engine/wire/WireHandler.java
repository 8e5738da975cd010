package dev.keysmith.engine.wire;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.op.StoredItems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * DynamoDB's JSON 1.0 protocol, independent of the HTTP transport. The checks run in AWS's order: request size,
 * method and content type, JSON syntax, {@code X-Amz-Target}, authentication, member types, then the operation.
 */
final class WireHandler {
    /** DynamoDB's maximum request size. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    static final String AMZ_JSON = "application/x-amz-json-1.0";
    static final String PLAIN_JSON = "application/json";
    static final byte[] UNKNOWN_OPERATION_XML = "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8);

    /**
     * The operations whose items the engine hands over in their stored encoding when asked (see {@link StoredItems}),
     * so that their JSON is written straight from the stored bytes.
     */
    private static final Set<String> STORED_ITEMS_TARGETS =
            Set.of(Operations.DYNAMODB_PREFIX + "Query", Operations.DYNAMODB_PREFIX + "Scan");

    private static final System.Logger LOG = System.getLogger(WireHandler.class.getName());

    private final Operations operations;
    private final @Nullable SigV4Verifier verifier;
    private final byte[] health;

    WireHandler(Operations operations, @Nullable SigV4Verifier verifier, String region) {
        this.operations = operations;
        this.verifier = verifier;
        this.health = ("healthy: dynamodb." + region + ".amazonaws.com ").getBytes(StandardCharsets.UTF_8);
    }

    WireResponse handle(WireRequest request) {
        String contentType = request.header("Content-Type");
        boolean plainJson = contentType != null && mediaType(contentType).equals(PLAIN_JSON);
        String answerType = plainJson ? PLAIN_JSON : AMZ_JSON;
        if (request.method().equals("GET") && request.body().length == 0) {
            return new WireResponse(200, "text/plain", health);
        }
        boolean jsonType =
                plainJson || (contentType != null && mediaType(contentType).equals(AMZ_JSON));
        if (!request.method().equals("POST") || (request.body().length > 0 && !jsonType)) {
            return new WireResponse(404, "text/xml", UNKNOWN_OPERATION_XML);
        }
        try {
            return dispatch(request, answerType);
        } catch (AwsServiceException error) {
            return ErrorMapper.toResponse(error, answerType);
        }
    }

    private WireResponse dispatch(WireRequest request, String answerType) {
        byte[] body = decompressed(request);
        if (body == null) {
            return new WireResponse(413, answerType, new byte[0]);
        }
        Operations.Operation operation = operations.find(request.header("X-Amz-Target"));
        if (operation == null) {
            throw JsonCodec.isWellFormed(body)
                    ? Errors.of("UnknownOperationException", null, 400)
                    : Errors.serialization(null);
        }
        if (verifier != null) {
            try {
                verifier.verify(request);
            } catch (AwsServiceException denied) {
                // AWS reports a syntax error before an authentication failure
                throw JsonCodec.isWellFormed(body) ? denied : Errors.serialization(null);
            }
        }
        StoredItems stored = STORED_ITEMS_TARGETS.contains(operation.target()) ? new StoredItems() : null;
        SdkPojo input = JsonCodec.readRequest(
                body, stored == null ? operation.newRequestBuilder() : () -> attach(stored, operation));
        Object output;
        try {
            output = operation.invoke(input);
        } catch (AwsServiceException error) {
            throw error;
        } catch (UnsupportedOperationException unsupported) {
            throw Errors.of(
                    "UnknownOperationException",
                    "The operation " + operation.target() + " is not supported by this endpoint",
                    400);
        } catch (Throwable unexpected) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure in " + operation.target(), unexpected);
            return ErrorMapper.internalError(answerType);
        }
        try {
            List<byte[]> items = stored == null ? null : stored.items();
            byte[] json = items == null ? JsonCodec.write((SdkPojo) output) : JsonCodec.write((SdkPojo) output, items);
            return new WireResponse(200, answerType, json);
        } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.ERROR, "Cannot encode the response of " + operation.target(), unexpected);
            return ErrorMapper.internalError(answerType);
        }
    }

    private static SdkPojo attach(StoredItems stored, Operations.Operation operation) {
        SdkPojo builder = operation.newRequestBuilder().get();
        stored.attachTo((AwsRequest.Builder) builder);
        return builder;
    }

    /** The body after {@code Content-Encoding: gzip}, or null when it inflates beyond the request limit. */
    private static byte @Nullable [] decompressed(WireRequest request) {
        String encoding = request.header("Content-Encoding");
        if (encoding == null || !encoding.trim().equalsIgnoreCase("gzip")) {
            return request.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(request.body().length * 4);
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + read > MAX_REQUEST_BYTES) {
                    return null;
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException corrupt) {
            throw Errors.serialization(null);
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
