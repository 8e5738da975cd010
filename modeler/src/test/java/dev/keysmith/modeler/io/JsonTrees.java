package dev.keysmith.modeler.io;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;
import java.util.TreeSet;

/** Test helpers: resources as text, and JSON tree comparison ignoring key order (numbers compared by value). */
final class JsonTrees {

    private JsonTrees() {}

    static String resource(String path) {
        try (InputStream in = JsonTrees.class.getResourceAsStream(path)) {
            Objects.requireNonNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return Trees.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSameTree(JsonNode expected, JsonNode actual) {
        String difference = difference("", expected, actual);
        if (difference != null) {
            fail(difference);
        }
    }

    private static String difference(String at, JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0
                    ? null
                    : at + ": expected " + expected + " but was " + actual;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return at + ": expected " + expected + " but was " + actual;
        }
        if (expected.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!expected.has(name)) {
                    return at + "/" + name + ": unexpected " + actual.get(name);
                }
                if (!actual.has(name)) {
                    return at + "/" + name + ": missing, expected " + expected.get(name);
                }
                String d = difference(at + "/" + name, expected.get(name), actual.get(name));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return at + ": expected " + expected.size() + " elements but was " + actual.size();
            }
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                String d = difference(at + "/" + i++, e, a.next());
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : at + ": expected " + expected + " but was " + actual;
    }
}
