package dev.keysmith.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.expr.resolve.ReservedWords;
import org.junit.jupiter.api.Test;

class ReservedWordsAndCacheTest {
    @Test
    void theListHasAll573WordsIncludingDynamoDbsMisspellings() {
        assertEquals(573, ReservedWords.count());
        assertTrue(ReservedWords.isReserved("FLATTERN"));
        assertTrue(ReservedWords.isReserved("inntEr"));
        assertTrue(ReservedWords.isReserved("loged"));
        assertTrue(ReservedWords.isReserved("Size"));
        assertFalse(ReservedWords.isReserved("title"));
    }

    @Test
    void parseCacheIsBoundedAndReusesEntries() {
        var parses = new int[1];
        var cache = new ParseCache<String>(2, text -> {
            parses[0]++;
            return new String(text);
        });
        String first = cache.get("a");
        assertSame(first, cache.get("a"));
        cache.get("b");
        cache.get("c");
        assertEquals(2, cache.size());
        assertEquals(3, parses[0]);
        // "a" was evicted as the least recently used entry and is parsed again
        cache.get("a");
        assertEquals(4, parses[0]);
    }
}
