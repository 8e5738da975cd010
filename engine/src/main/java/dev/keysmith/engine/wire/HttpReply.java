package dev.keysmith.engine.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A complete HTTP answer: status, headers (in the spelling DynamoDB uses) and body. {@link #front} turns the
 * protocol's {@link WireResponse} into one, adding what every DynamoDB response carries.
 */
record HttpReply(int status, List<String[]> headers, byte[] body) {
    static final String EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amz-crc32, x-amz-id-2, Date";
    static final String DEFAULT_ALLOWED_HEADERS = "Authorization, Content-Type, Content-Encoding, X-Amz-Date,"
            + " X-Amz-Target, X-Amz-User-Agent, X-Amz-Security-Token, X-Amz-Content-Sha256, amz-sdk-invocation-id,"
            + " amz-sdk-request";
    private static final System.Logger LOG = System.getLogger(HttpReply.class.getName());
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    /**
     * The HTTP layer in front of the protocol: a request id on every answer, CORS for browser tools (preflight
     * answered here), DynamoDB's 413 for an oversized body, and the CRC32 of the body. Never throws: anything
     * unexpected becomes DynamoDB's 500.
     */
    static HttpReply front(WireHandler handler, WireRequest request, boolean bodyTooLarge) {
        List<String[]> headers = new ArrayList<>(8);
        headers.add(new String[] {"x-amzn-RequestId", requestId()});
        boolean preflight = request.method().equals("OPTIONS");
        if (preflight || request.header("Origin") != null) {
            headers.add(new String[] {"Access-Control-Allow-Origin", "*"});
            headers.add(new String[] {"Access-Control-Expose-Headers", EXPOSED_HEADERS});
        }
        if (preflight) {
            String method = request.header("Access-Control-Request-Method");
            String requested = request.header("Access-Control-Request-Headers");
            headers.add(new String[] {"Access-Control-Allow-Methods", method == null ? "GET, POST, OPTIONS" : method});
            headers.add(new String[] {
                "Access-Control-Allow-Headers", requested == null ? DEFAULT_ALLOWED_HEADERS : requested
            });
            headers.add(new String[] {"Access-Control-Max-Age", "172800"});
            return new HttpReply(200, headers, new byte[0]);
        }
        if (bodyTooLarge) {
            return new HttpReply(413, headers, new byte[0]);
        }
        WireResponse response;
        try {
            response = handler.handle(request);
        } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure serving a request", unexpected);
            response = ErrorMapper.internalError(WireHandler.AMZ_JSON);
        }
        byte[] bytes = response.body();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        headers.add(new String[] {"x-amz-crc32", Long.toString(crc.getValue())});
        headers.add(new String[] {"Content-Type", response.contentType()});
        return new HttpReply(response.status(), headers, bytes);
    }

    /** An opaque 52-character upper-case alphanumeric id, like DynamoDB's. */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}
