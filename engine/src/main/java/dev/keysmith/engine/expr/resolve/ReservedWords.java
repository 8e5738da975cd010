package dev.keysmith.engine.expr.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** DynamoDB's 573 reserved words (resource {@code reserved-words.txt}, from the developer guide); case-insensitive. */
public final class ReservedWords {
    private static final Set<String> WORDS = load();

    private ReservedWords() {}

    public static boolean isReserved(String name) {
        return WORDS.contains(name.toUpperCase(Locale.ROOT));
    }

    public static int count() {
        return WORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = Objects.requireNonNull(ReservedWords.class.getResourceAsStream("reserved-words.txt"));
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
