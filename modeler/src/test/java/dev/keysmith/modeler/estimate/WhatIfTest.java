package dev.keysmith.modeler.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.modeler.model.ProjectionKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WhatIfTest {
    private static final EstimateOptions OPTIONS = EstimateOptions.defaults()
            .withPattern("P2", PatternAssumptions.NONE.withUpdatedAttributes(Set.of("title")));

    private static EstimateDiff diff(WhatIf change) {
        return CapacityEstimator.whatIf(EstimateModels.library(), OPTIONS, change);
    }

    private static EstimateDiff.Change change(EstimateDiff diff, String scope, String name) {
        return diff.changes().stream()
                .filter(c -> c.scope().equals(scope) && c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + scope + " | " + name));
    }

    @Test
    void noChange_hasNoDifferences() {
        EstimateDiff d = diff(WhatIf.NONE);
        assertEquals(List.of(), d.changes());
        assertEquals(d.monthlyBefore(), d.monthlyAfter());
    }

    @Test
    void doubledTraffic_doublesTheRatesButNotThePerRequestUnits() {
        EstimateDiff d = diff(WhatIf.NONE.withTrafficMultiplier(2));
        EstimateDiff.Change perSecond = change(d, "pattern P5 P5", "units per second (average)");
        assertEquals(100, perSecond.before());
        assertEquals(200, perSecond.after());
        assertTrue(d.changes().stream().noneMatch(c -> c.name().startsWith("per request")));
        assertTrue(d.monthlyAfter() > d.monthlyBefore());
    }

    @Test
    void keysOnlyProjection_shrinksTheEntryAndItsWrites() {
        EstimateDiff d = diff(WhatIf.NONE.withProjection(
                "Books.ByAuthor", new WhatIf.Projection(ProjectionKind.KEYS_ONLY, List.of())));
        // author 6+20, title 5+30, PK 17, SK 6 = 84 B
        EstimateDiff.Change entry = change(d, "index Books.ByAuthor entity Book", "entry size");
        assertEquals(3_153, entry.before());
        assertEquals(84, entry.after());
        EstimateDiff.Change put = change(d, "pattern P1 P1", "per request: index ByAuthor");
        assertEquals(4, put.before());
        assertEquals(1, put.after());
        assertTrue(d.render().contains("pattern P1 P1 | per request: index ByAuthor: 4 WCU -> 1 WCU (-3 WCU)"));
    }

    @Test
    void removedIndex_dropsItsWritesAndItsQueriesBecomeScans() {
        EstimateDiff d = diff(WhatIf.NONE.withoutIndex("Books.ByAuthor"));
        EstimateDiff.Change put = change(d, "pattern P1 P1", "per request: index ByAuthor");
        assertEquals(4, put.before());
        assertEquals(null, put.after());
        assertEquals(-4, put.delta());
        assertTrue(d.after().warnings().stream().anyMatch(w -> w.startsWith("Pattern P8 uses index ByAuthor")));
        assertTrue(d.after().pattern("P8").orElseThrow().perRequest().table() > 100_000);
    }

    @Test
    void biggerItems_costMoreWriteUnits() {
        EstimateDiff d = diff(WhatIf.NONE.withItemSizeMultiplier(2));
        EstimateDiff.Change size = change(d, "entity Books.Book", "item size");
        assertEquals(6_306, size.after());
        assertEquals(7, change(d, "pattern P1 P1", "per request: table").after());
    }

    @Test
    void unknownIndexes_areNamedInTheError() {
        var e = assertThrows(IllegalArgumentException.class, () -> diff(WhatIf.NONE.withoutIndex("Books.ByYear")));
        assertEquals("Table Books has no global secondary index ByYear", e.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> diff(WhatIf.NONE.withoutIndex("ByYear")));
        assertEquals("Name an index as Table.Index, not 'ByYear'", bad.getMessage());
    }
}
