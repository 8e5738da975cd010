package dev.keysmith.modeler.estimate;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.Consistency;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.Rate;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.model.Volume;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models whose sizes are easy to compute by hand. Book items: PK "BOOK#{bookId}" 2+5+10 = 17, SK "META" 2+4 = 6,
 * GSI2PK "ISBN#{isbn}" 6+5+13 = 24, bookId 6+10 = 16, isbn 4+13 = 17, author 6+20 = 26, title 5+30 = 35, year 4+3 = 7,
 * blurb 5+3,000 = 3,005: 3,153 B. Entries: ByAuthor (ALL) 3,153 B; ByIsbn (KEYS_ONLY) 24+17+6 = 47 B; ByYear (LSI,
 * INCLUDE title) 17+6+7+35 = 65 B.
 */
final class EstimateModels {
    static final long BOOK_BYTES = 3_153;

    private EstimateModels() {}

    static AttributeSpec attribute(String name, AttributeType type, int bytes) {
        return new AttributeSpec(name, type, true, null, bytes);
    }

    static EntityType book() {
        Map<String, KeyTemplate> keys = new LinkedHashMap<>();
        keys.put("PK", KeyTemplate.parse("BOOK#{bookId}"));
        keys.put("SK", KeyTemplate.parse("META"));
        keys.put("GSI2PK", KeyTemplate.parse("ISBN#{isbn}"));
        return new EntityType(
                "Book",
                keys,
                List.of(
                        attribute("bookId", AttributeType.S, 10),
                        attribute("isbn", AttributeType.S, 13),
                        attribute("author", AttributeType.S, 20),
                        attribute("title", AttributeType.S, 30),
                        attribute("year", AttributeType.N, 3),
                        attribute("blurb", AttributeType.S, 3_000)),
                new Volume(1_000_000, 0, 0, null));
    }

    static TableDesign books() {
        return TableDesign.of("Books", KeyAttribute.string("PK"), KeyAttribute.string("SK"))
                .withGsis(List.of(
                        IndexDesign.of("ByAuthor", KeyAttribute.string("author"), KeyAttribute.string("title")),
                        IndexDesign.of("ByIsbn", KeyAttribute.string("GSI2PK"), null)
                                .withProjection(ProjectionKind.KEYS_ONLY, List.of())))
                .withLsis(List.of(IndexDesign.of("ByYear", KeyAttribute.string("PK"), KeyAttribute.number("year"))
                        .withProjection(ProjectionKind.INCLUDE, List.of("title"))))
                .withEntities(List.of(book()));
    }

    static AccessPattern pattern(String id, Operation op, int items, Rate rate) {
        return AccessPattern.of(id, id, op, "Books", null, rate)
                .withExpectedItemsPerRequest(items)
                .withExpectedEntityTypes(List.of("Book"));
    }

    static DataModel library() {
        return new DataModel(
                "Library",
                "",
                List.of(books()),
                List.of(
                        pattern("P1", Operation.PutItem, 1, Rate.of(10)),
                        pattern("P2", Operation.UpdateItem, 1, Rate.of(5)),
                        pattern("P3", Operation.DeleteItem, 1, Rate.of(1)),
                        pattern("P4", Operation.TransactWriteItems, 2, Rate.of(1)),
                        pattern("P5", Operation.GetItem, 1, new Rate(100, 300)).withConsistency(Consistency.STRONG),
                        pattern("P6", Operation.BatchGetItem, 10, Rate.of(2)),
                        pattern("P7", Operation.Query, 25, Rate.of(3))
                                .withIndex("ByYear")
                                .withConsistency(Consistency.STRONG),
                        pattern("P8", Operation.Query, 50, Rate.of(4))
                                .withIndex("ByAuthor")
                                .withConsistency(Consistency.STRONG),
                        pattern("P9", Operation.Scan, 0, Rate.of(0.001)),
                        pattern("P10", Operation.Query, 1, Rate.of(1))
                                .withIndex("ByIsbn")
                                .withProjection("title")));
    }

    /** One 1,000-byte entity (1,000,000 items), read at 100/s eventually consistent and written at 10/s. */
    static DataModel simple() {
        Map<String, KeyTemplate> keys = Map.of("id", KeyTemplate.parse("{id}"));
        EntityType thing = new EntityType(
                "Thing",
                keys,
                List.of(attribute("id", AttributeType.S, 98), attribute("body", AttributeType.S, 896)),
                new Volume(1_000_000, 0, 0, null));
        TableDesign table =
                TableDesign.of("Things", KeyAttribute.string("id"), null).withEntities(List.of(thing));
        return new DataModel(
                "Simple",
                "",
                List.of(table),
                List.of(
                        AccessPattern.of("R", "read", Operation.GetItem, "Things", null, Rate.of(100))
                                .withExpectedEntityTypes(List.of("Thing")),
                        AccessPattern.of("W", "write", Operation.PutItem, "Things", null, Rate.of(10))
                                .withExpectedEntityTypes(List.of("Thing"))));
    }
}
