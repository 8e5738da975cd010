package dev.keysmith.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keysmith.engine.error.Errors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Small builders and assertions shared by the expression tests. */
final class ExprSupport {
    private ExprSupport() {}

    static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    static AttributeValue b(int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(data));
    }

    static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(List.of(values));
    }

    static AttributeValue ns(String... values) {
        return AttributeValue.fromNs(List.of(values));
    }

    static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    static AttributeValue m(Object... keyValues) {
        return AttributeValue.fromM(map(keyValues));
    }

    static Map<String, AttributeValue> item(Object... keyValues) {
        return map(keyValues);
    }

    private static Map<String, AttributeValue> map(Object... keyValues) {
        var map = new LinkedHashMap<String, AttributeValue>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], (AttributeValue) keyValues[i + 1]);
        }
        return map;
    }

    /** Values map from alternating ":name", value. */
    static Map<String, AttributeValue> values(Object... keyValues) {
        return map(keyValues);
    }

    static Map<String, String> names(String... keyValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** Asserts a ValidationException with exactly this message. */
    static void assertValidation(String message, Executable executable) {
        DynamoDbException e = assertThrows(DynamoDbException.class, executable);
        assertEquals("ValidationException", Errors.code(e));
        assertEquals(message, e.awsErrorDetails().errorMessage());
    }
}
