package dev.keysmith.engine.expr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded least-recently-used cache of parsed (pre-resolution) ASTs by expression text. The ASTs are immutable, so
 * one entry serves every request that repeats the expression; resolution stays per request. Syntax errors are not
 * cached (they are rethrown on each parse).
 */
final class ParseCache<T> {
    private final Function<String, T> parser;
    private final Map<String, T> entries;

    ParseCache(int capacity, Function<String, T> parser) {
        this.parser = parser;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > capacity;
            }
        };
    }

    T get(String text) {
        synchronized (entries) {
            T cached = entries.get(text);
            if (cached != null) {
                return cached;
            }
        }
        T parsed = parser.apply(text);
        synchronized (entries) {
            entries.put(text, parsed);
        }
        return parsed;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
