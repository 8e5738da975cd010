package dev.keysmith.modeler.bench;

import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.GeneratorSpec;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.Rate;
import dev.keysmith.modeler.model.SampleItem;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.model.Volume;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A big synthetic project: 50 tables, 200 entity types, 500 access patterns (about 2 MB of JSON). */
final class LargeProject {

    static final int TABLES = 50;
    static final int ENTITIES_PER_TABLE = 4;
    static final int PATTERNS = 500;
    private static final int ATTRIBUTES_PER_ENTITY = 60;
    private static final int SAMPLES_PER_TABLE = 40;

    private LargeProject() {}

    static Project build() {
        List<TableDesign> tables = new ArrayList<>();
        for (int t = 0; t < TABLES; t++) {
            tables.add(table(t));
        }
        List<AccessPattern> patterns = new ArrayList<>();
        for (int p = 0; p < PATTERNS; p++) {
            int t = p % TABLES;
            String entity = entityName(t, p % ENTITIES_PER_TABLE);
            patterns.add(new AccessPattern(
                    "AP" + p,
                    "Find " + entity + " records by status and date range, number " + p,
                    "Lists the " + entity + " records of one owner, newest first, for the dashboard page " + p,
                    p % 3 == 0 ? Operation.GetItem : Operation.Query,
                    tableName(t),
                    p % 2 == 0 ? "GSI1" : null,
                    "PK = :pk AND begins_with(SK, :prefix)",
                    p % 4 == 0 ? "#status = :status" : null,
                    null,
                    null,
                    Rate.of(1 + p % 50),
                    10,
                    List.of(entity)));
        }
        DataModel model = new DataModel("Large", "A synthetic model for benchmarks", tables, patterns);
        return Project.of("Large", List.of(model));
    }

    private static TableDesign table(int t) {
        List<EntityType> entities = new ArrayList<>();
        for (int e = 0; e < ENTITIES_PER_TABLE; e++) {
            entities.add(entity(t, e));
        }
        List<SampleItem> samples = new ArrayList<>();
        for (int s = 0; s < SAMPLES_PER_TABLE; s++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("PK", "TENANT#" + s);
            item.put("SK", "ITEM#2026-11-22#" + s);
            item.put("status", s % 2 == 0 ? "ACTIVE" : "ARCHIVED");
            item.put(
                    "description",
                    "Sample item " + s + " of table " + t + " with a longer text to weigh like real data");
            samples.add(new SampleItem(entityName(t, s % ENTITIES_PER_TABLE), item));
        }
        return TableDesign.of(tableName(t), KeyAttribute.string("PK"), KeyAttribute.string("SK"))
                .withGsis(List.of(
                        new IndexDesign(
                                "GSI1",
                                KeyAttribute.string("GSI1PK"),
                                KeyAttribute.string("GSI1SK"),
                                ProjectionKind.ALL,
                                List.of(),
                                null),
                        new IndexDesign(
                                "GSI2",
                                KeyAttribute.string("GSI2PK"),
                                null,
                                ProjectionKind.INCLUDE,
                                List.of("status", "createdAt"),
                                null)))
                .withEntities(entities)
                .withSampleItems(samples);
    }

    private static EntityType entity(int t, int e) {
        String name = entityName(t, e);
        Map<String, KeyTemplate> keys = new LinkedHashMap<>();
        keys.put("PK", KeyTemplate.parse("TENANT#{tenantId}"));
        keys.put("SK", KeyTemplate.parse(name.toUpperCase(java.util.Locale.ROOT) + "#{createdAt}#{id}"));
        keys.put("GSI1PK", KeyTemplate.parse("STATUS#{status}"));
        keys.put("GSI1SK", KeyTemplate.parse("{createdAt}"));
        List<AttributeSpec> attributes = new ArrayList<>();
        for (int a = 0; a < ATTRIBUTES_PER_ENTITY; a++) {
            attributes.add(new AttributeSpec(
                    "attribute" + a,
                    a % 3 == 0 ? AttributeType.N : AttributeType.S,
                    a % 2 == 0,
                    GeneratorSpec.parse(a % 3 == 0 ? "number.range{1,1000}" : "lorem.word"),
                    a % 3 == 0 ? 8 : 24));
        }
        return new EntityType(name, keys, attributes, new Volume(1_000_000, 10_000, 5, 50.0));
    }

    private static String tableName(int t) {
        return "Table" + t;
    }

    private static String entityName(int t, int e) {
        return "Entity" + t + "x" + e;
    }
}
