package dev.keysmith.engine.expr.resolve;

import java.util.Base64;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders a value's payload the way DynamoDB prints it inside {@code AttributeValue: {N:5}} messages. */
public final class Literals {
    private Literals() {}

    public static String raw(AttributeValue v) {
        return switch (v.type()) {
            case S -> v.s();
            case N -> v.n();
            case B -> Base64.getEncoder().encodeToString(v.b().asByteArrayUnsafe());
            case BOOL -> String.valueOf(v.bool());
            case NUL -> "true";
            case SS -> v.ss().toString();
            case NS -> v.ns().toString();
            case BS ->
                v.bs().stream()
                        .map(b -> Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()))
                        .toList()
                        .toString();
            case L -> v.l().toString();
            case M -> v.m().toString();
            case UNKNOWN_TO_SDK_VERSION -> "";
        };
    }
}
