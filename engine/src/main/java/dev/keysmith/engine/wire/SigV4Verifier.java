package dev.keysmith.engine.wire;

import dev.keysmith.engine.error.Errors;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Checks AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) on a request against the configured secret keys, and
 * answers failures with DynamoDB's own errors and texts.
 */
final class SigV4Verifier {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String MISSING_TOKEN = "Request is missing Authentication Token";
    static final String UNRECOGNIZED_CLIENT = "The security token included in the request is invalid.";
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
            + " details.";

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secretsByKeyId;

    SigV4Verifier(Map<String, String> secretsByKeyId) {
        this.secretsByKeyId = Map.copyOf(secretsByKeyId);
    }

    /** Returns normally when the request is signed by a known key; throws the error to answer with otherwise. */
    void verify(WireRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.trim().startsWith("AWS4-")) {
            throw Errors.of("MissingAuthenticationTokenException", MISSING_TOKEN, 400);
        }
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        Map<String, String> parameters = parameters(space < 0 ? "" : trimmed.substring(space + 1));
        String date = request.header("X-Amz-Date");
        if (date == null) {
            date = request.header("Date");
        }
        StringBuilder missing = new StringBuilder();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!parameters.containsKey(required)) {
                missing.append("Authorization header requires '")
                        .append(required)
                        .append("' parameter. ");
            }
        }
        if (date == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (!missing.isEmpty()) {
            throw incomplete(missing + "Authorization=" + authorization);
        }
        if (!algorithm.equals(ALGORITHM)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
        }
        String credential = parameters.get("Credential");
        String[] scope = credential.split("/");
        if (scope.length != 5) {
            throw incomplete(
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                            + " got '" + credential + "'");
        }
        String secret = secretsByKeyId.get(scope[0]);
        if (secret == null) {
            throw Errors.of("UnrecognizedClientException", UNRECOGNIZED_CLIENT, 400);
        }
        String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
        String signedHeaders = parameters.get("SignedHeaders");
        String stringToSign = ALGORITHM + "\n" + date + "\n" + credentialScope + "\n"
                + hex(sha256(canonicalRequest(request, signedHeaders).getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, scope[4]);
        byte[] expected = hmac(key, stringToSign);
        byte[] provided = parseHex(parameters.get("Signature"));
        if (provided == null || !MessageDigest.isEqual(expected, provided)) {
            throw Errors.of("InvalidSignatureException", SIGNATURE_MISMATCH, 400);
        }
    }

    static String canonicalRequest(WireRequest request, String signedHeaders) {
        StringBuilder canonical = new StringBuilder(256);
        canonical.append(request.method()).append('\n');
        canonical.append(request.rawPath().isEmpty() ? "/" : request.rawPath()).append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders.split(";")) {
            canonical.append(name).append(':');
            List<String> values = request.headers().get(name);
            if (values != null) {
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        canonical.append(',');
                    }
                    canonical.append(values.get(i).trim().replaceAll("\\s+", " "));
                }
            }
            canonical.append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        canonical.append(hex(sha256(request.body())));
        return canonical.toString();
    }

    private static String canonicalQuery(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            pairs.add(pair.contains("=") ? pair : pair + "=");
        }
        pairs.sort(null);
        return String.join("&", pairs);
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        for (String part : text.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parameters.put(
                        part.substring(0, equals).trim(),
                        part.substring(equals + 1).trim());
            }
        }
        return parameters;
    }

    private static DynamoDbException incomplete(String message) {
        return Errors.of("IncompleteSignatureException", message, 400);
    }

    private static byte @Nullable [] parseHex(String hex) {
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
