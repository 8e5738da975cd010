package dev.keysmith.engine.wire;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the endpoint sees it. {@code headers} must look names up case-insensitively; {@code body} is
 * exactly the bytes received (still gzip-compressed if the client compressed it, since the signature covers them).
 */
record WireRequest(
        String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers, byte[] body) {

    @Nullable
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
