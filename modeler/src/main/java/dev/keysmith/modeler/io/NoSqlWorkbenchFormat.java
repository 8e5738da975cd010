package dev.keysmith.modeler.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.AutoScaling;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.GeneratorSpec;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.SampleItem;
import dev.keysmith.modeler.model.ScalarType;
import dev.keysmith.modeler.model.TableClass;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.model.Volume;
import dev.keysmith.modeler.template.KeyTemplate;
import dev.keysmith.modeler.template.TemplateInference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * NoSQL Workbench data-model JSON, format versions 2.0 and 3.0.
 *
 * <p>Mapping: {@code ModelName} is the project and data-model name; {@code ModelMetadata} goes to the project metadata
 * (its {@code Description} to the data-model description; fields other than Author, DateCreated, DateLastModified,
 * AWSService and Version under {@code workbench.metadata.}, so that other formats' metadata never leaks into it); each {@code DataModel[]} entry is a table; table-level
 * {@code NonKeyAttributes} become {@link TableDesign#attributes()} (an optional {@code DataFormat} on an attribute
 * becomes its generator, kept verbatim); {@code TableData} items become sample items without an entity type; each facet
 * ({@code TableFacets[]}) becomes an entity type whose key templates are inferred from {@code KeyAttributeAlias} and the
 * facet's {@code TableData} (see {@link TemplateInference}; the facet's non-key attributes that are GSI keys get a
 * template too), and whose items become sample items of that entity type; {@code GlobalSecondaryIndexes} become GSIs;
 * {@code BillingMode} and {@code ProvisionedCapacitySettings} (3.0) become billing and capacity with auto scaling.
 *
 * <p>Version differences: 2.0 files have no {@code BillingMode}/{@code ProvisionedCapacitySettings}; such tables are
 * read as PROVISIONED with 5 RCU / 5 WCU (NoSQL Workbench's default). The format has no per-GSI capacity: GSIs of a
 * PROVISIONED table get the table's read/write units (without auto scaling), and GSI capacity is not written. Writing uses the version in the project metadata
 * ({@code Version}, default 3.0); a 2.0 file is written without billing settings.
 *
 * <p>Normalisation on export (everything else round-trips exactly, compared as JSON trees ignoring key order): {@code
 * DataAccess} is always written as {@code {"MySql": {}}} on tables and facets; the auto-scaling {@code ServiceRole} is
 * always {@code AWSServiceRoleForApplicationAutoScaling_DynamoDBTable}; empty {@code TableData}, {@code TableFacets} and
 * {@code GlobalSecondaryIndexes} arrays are left out; a GSI {@code Projection} lists {@code NonKeyAttributes} only for
 * INCLUDE. Settings the format cannot hold (LSIs, TTL, streams, table class, deletion protection, access patterns,
 * entity volumes) are left out of the export with a warning (access patterns and volumes silently).
 */
public final class NoSqlWorkbenchFormat {

    /** Format versions this class reads and writes. */
    public static final Set<String> VERSIONS = Set.of("2.0", "3.0");

    private static final String SERVICE_ROLE = "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";
    /** Project metadata prefix for ModelMetadata fields other than the standard ones, written back verbatim. */
    private static final String EXTRA_METADATA = "workbench.metadata.";

    private static final List<String> METADATA_KEYS =
            List.of("Author", "DateCreated", "DateLastModified", "Description", "AWSService", "Version");

    private NoSqlWorkbenchFormat() {}

    /**
     * Reads a model file.
     *
     * @throws ImportException for invalid JSON, an unknown version, a missing {@code TableName}, {@code KeyAttributes}
     *     or key {@code AttributeName}, and values of the wrong type
     */
    public static ImportResult read(String json) throws ImportException {
        Warnings warnings = new Warnings();
        Node root = Node.root(Trees.parseJson(json), warnings).requireObject();
        Node metadata = root.get("ModelMetadata");
        String version = "3.0";
        if (metadata.isMissing() || !metadata.has("Version")) {
            warnings.add(root.at(), "no ModelMetadata.Version; read as NoSQL Workbench format 3.0");
        } else {
            version = metadata.text("Version");
            if (!VERSIONS.contains(version)) {
                throw new ImportException(
                        metadata.get("Version").at(),
                        "Unsupported NoSQL Workbench model version \"" + version + "\" (supported: 2.0, 3.0)");
            }
        }
        Map<String, String> projectMetadata = new LinkedHashMap<>();
        String description = "";
        if (!metadata.isMissing()) {
            for (Map.Entry<String, Node> field : metadata.fields()) {
                String value =
                        field.getValue().isMissing() ? "" : field.getValue().asText();
                if (field.getKey().equals("Description")) {
                    description = value;
                } else if (METADATA_KEYS.contains(field.getKey())) {
                    projectMetadata.put(field.getKey(), value);
                } else {
                    projectMetadata.put(EXTRA_METADATA + field.getKey(), value);
                }
            }
        }
        projectMetadata.put("Version", version);
        String name = root.has("ModelName") ? root.text("ModelName") : "Imported model";
        List<TableDesign> tables = new ArrayList<>();
        for (Node table : root.require("DataModel").elements()) {
            tables.add(table(table.requireObject(), warnings));
        }
        DataModel model = new DataModel(name, description, tables, List.of());
        Project project = new Project(Project.FORMAT_VERSION, name, List.of(model), projectMetadata);
        return new ImportResult(project, warnings.lines());
    }

    private static TableDesign table(Node table, Warnings warnings) throws ImportException {
        String name = table.text("TableName");
        Node keys = table.require("KeyAttributes").requireObject();
        KeyAttribute partitionKey = keyAttribute(keys.require("PartitionKey"));
        KeyAttribute sortKey = keys.has("SortKey") ? keyAttribute(keys.get("SortKey")) : null;

        List<AttributeSpec> attributes = new ArrayList<>();
        for (Node attribute : table.array("NonKeyAttributes")) {
            String format = attribute.optText("DataFormat");
            attributes.add(new AttributeSpec(
                    attribute.text("AttributeName"),
                    attribute.requireEnum("AttributeType", AttributeType.class),
                    false,
                    format == null ? null : new GeneratorSpec(format, List.of()),
                    null));
        }

        List<IndexDesign> gsis = new ArrayList<>();
        for (Node gsi : table.array("GlobalSecondaryIndexes")) {
            Node gsiKeys = gsi.require("KeyAttributes").requireObject();
            Node projection = gsi.get("Projection");
            ProjectionKind kind = projection.isMissing()
                    ? ProjectionKind.ALL
                    : projection.requireEnum("ProjectionType", ProjectionKind.class);
            List<String> nonKey = new ArrayList<>();
            if (!projection.isMissing()) {
                for (Node attribute : projection.array("NonKeyAttributes")) {
                    nonKey.add(attribute.asText());
                }
            }
            gsis.add(new IndexDesign(
                    gsi.text("IndexName"),
                    keyAttribute(gsiKeys.require("PartitionKey")),
                    gsiKeys.has("SortKey") ? keyAttribute(gsiKeys.get("SortKey")) : null,
                    kind,
                    nonKey,
                    null));
        }

        List<SampleItem> items = new ArrayList<>();
        for (Node item : table.array("TableData")) {
            items.add(new SampleItem(null, item(item)));
        }

        List<EntityType> entities = new ArrayList<>();
        for (Node facet : table.array("TableFacets")) {
            String facetName = facet.text("FacetName");
            List<Map<String, Object>> facetItems = new ArrayList<>();
            for (Node item : facet.array("TableData")) {
                Map<String, Object> attributesOfItem = item(item);
                facetItems.add(attributesOfItem);
                items.add(new SampleItem(facetName, attributesOfItem));
            }
            entities.add(facet(facet, facetName, facetItems, partitionKey, sortKey, attributes, gsis, warnings));
        }

        BillingMode billing = table.optEnum("BillingMode", BillingMode.class);
        ProvisionedCapacity capacity = capacity(table.get("ProvisionedCapacitySettings"));
        if (billing == null) {
            billing = BillingMode.PROVISIONED;
        }
        if (billing == BillingMode.PROVISIONED && capacity == null) {
            capacity = ProvisionedCapacity.of(5, 5);
        }
        if (billing == BillingMode.PROVISIONED) {
            ProvisionedCapacity throughput =
                    ProvisionedCapacity.of(capacity.readCapacityUnits(), capacity.writeCapacityUnits());
            gsis.replaceAll(g -> g.withCapacity(throughput));
        }
        return new TableDesign(
                name,
                partitionKey,
                sortKey,
                billing,
                billing == BillingMode.PROVISIONED ? capacity : null,
                TableClass.STANDARD,
                null,
                null,
                false,
                gsis,
                List.of(),
                attributes,
                entities,
                items,
                Map.of());
    }

    private static EntityType facet(
            Node facet,
            String facetName,
            List<Map<String, Object>> items,
            KeyAttribute partitionKey,
            @Nullable KeyAttribute sortKey,
            List<AttributeSpec> tableAttributes,
            List<IndexDesign> gsis,
            Warnings warnings)
            throws ImportException {
        Node alias = facet.get("KeyAttributeAlias");
        Map<String, KeyTemplate> templates = new LinkedHashMap<>();
        String pkAlias = alias.isMissing() ? null : alias.optText("PartitionKeyAlias");
        templates.put(
                partitionKey.name(),
                TemplateInference.infer(
                        pkAlias == null ? partitionKey.name() : pkAlias, values(items, partitionKey.name())));
        String skAlias = alias.isMissing() ? null : alias.optText("SortKeyAlias");
        if (sortKey != null && skAlias != null) {
            templates.put(sortKey.name(), TemplateInference.infer(skAlias, values(items, sortKey.name())));
        }
        List<AttributeSpec> attributes = new ArrayList<>();
        for (Node attribute : facet.array("NonKeyAttributes")) {
            String attributeName = attribute.asText();
            AttributeSpec declared = tableAttributes.stream()
                    .filter(a -> a.name().equals(attributeName))
                    .findFirst()
                    .orElse(null);
            if (declared == null) {
                warnings.add(
                        attribute.at(),
                        "attribute " + attributeName + " is not declared in the table's"
                                + " NonKeyAttributes; typed S");
                declared = AttributeSpec.of(attributeName, AttributeType.S);
            }
            attributes.add(declared);
            for (IndexDesign gsi : gsis) {
                if (gsi.keyNames().contains(attributeName) && !templates.containsKey(attributeName)) {
                    templates.put(attributeName, TemplateInference.infer(attributeName, values(items, attributeName)));
                }
            }
        }
        return new EntityType(facetName, templates, attributes, Volume.NONE);
    }

    /** String forms of an attribute's values across items (S or N values; others skipped). */
    private static List<String> values(List<Map<String, Object>> items, String attribute) {
        List<String> values = new ArrayList<>();
        for (Map<String, Object> item : items) {
            if (item.get(attribute) instanceof Map<?, ?> typed) {
                Object value = typed.containsKey("S") ? typed.get("S") : typed.get("N");
                if (value != null) {
                    values.add(value.toString());
                }
            }
        }
        return values;
    }

    private static Map<String, Object> item(Node item) throws ImportException {
        item.requireObject();
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = Trees.JSON.convertValue(item.json(), LinkedHashMap.class);
        return attributes;
    }

    private static KeyAttribute keyAttribute(Node key) throws ImportException {
        key.requireObject();
        return new KeyAttribute(key.text("AttributeName"), key.requireEnum("AttributeType", ScalarType.class));
    }

    private static @Nullable ProvisionedCapacity capacity(Node settings) throws ImportException {
        if (settings.isMissing()) {
            return null;
        }
        Node throughput = settings.get("ProvisionedThroughput");
        Long read = throughput.optLong("ReadCapacityUnits");
        Long write = throughput.optLong("WriteCapacityUnits");
        return new ProvisionedCapacity(
                read == null ? 5 : read,
                write == null ? 5 : write,
                scaling(settings.get("AutoScalingRead")),
                scaling(settings.get("AutoScalingWrite")));
    }

    private static @Nullable AutoScaling scaling(Node scaling) throws ImportException {
        if (scaling.isMissing()) {
            return null;
        }
        Node target = scaling.get("ScalableTargetRequest");
        Long min = target.optLong("MinCapacity");
        Long max = target.optLong("MaxCapacity");
        Double utilization = scaling.get("ScalingPolicyConfiguration").optDouble("TargetValue");
        return new AutoScaling(min == null ? 1 : min, max == null ? 10 : max, utilization == null ? 70 : utilization);
    }

    /** Writes the project's only data model (see {@link #write(Project, DataModel)}). */
    public static ExportResult write(Project project) {
        if (project.models().size() != 1) {
            throw new IllegalArgumentException("A NoSQL Workbench file holds one data model; project " + project.name()
                    + " has " + project.models().size() + ". Choose one with write(project, model).");
        }
        return write(project, project.models().getFirst());
    }

    /** Writes one data model as a NoSQL Workbench model file. */
    public static ExportResult write(Project project, DataModel model) {
        List<String> warnings = new ArrayList<>();
        String declared = project.metadata().get("Version");
        String version = declared != null && VERSIONS.contains(declared) ? declared : "3.0";
        ObjectNode root = Trees.object();
        root.put("ModelName", model.name());
        ObjectNode metadata = root.putObject("ModelMetadata");
        for (String key : METADATA_KEYS) {
            String value = switch (key) {
                case "Description" -> model.description();
                case "AWSService" -> project.metadata().getOrDefault(key, "Amazon DynamoDB");
                case "Version" -> version;
                default -> project.metadata().getOrDefault(key, "");
            };
            metadata.put(key, value);
        }
        project.metadata().forEach((key, value) -> {
            if (key.startsWith(EXTRA_METADATA)) {
                metadata.put(key.substring(EXTRA_METADATA.length()), value);
            }
        });
        ArrayNode tables = root.putArray("DataModel");
        for (TableDesign table : model.tables()) {
            tables.add(table(table, version.equals("3.0"), warnings));
        }
        return new ExportResult(Trees.writeJson(root), warnings);
    }

    private static ObjectNode table(TableDesign table, boolean withBilling, List<String> warnings) {
        ObjectNode node = Trees.object();
        node.put("TableName", table.name());
        ObjectNode keys = node.putObject("KeyAttributes");
        keys.set("PartitionKey", keyAttribute(table.partitionKey()));
        if (table.sortKey() != null) {
            keys.set("SortKey", keyAttribute(table.sortKey()));
        }
        ArrayNode nonKey = node.putArray("NonKeyAttributes");
        for (AttributeSpec attribute : table.attributes()) {
            ObjectNode a = nonKey.addObject();
            a.put("AttributeName", attribute.name());
            a.put("AttributeType", attribute.type().name());
            if (attribute.generator() != null) {
                a.put("DataFormat", attribute.generator().text());
            }
        }
        if (!table.entities().isEmpty()) {
            ArrayNode facets = node.putArray("TableFacets");
            for (EntityType entity : table.entities()) {
                facets.add(facet(table, entity));
            }
        }
        if (!table.gsis().isEmpty()) {
            ArrayNode gsis = node.putArray("GlobalSecondaryIndexes");
            for (IndexDesign gsi : table.gsis()) {
                ObjectNode g = gsis.addObject();
                g.put("IndexName", gsi.name());
                ObjectNode gsiKeys = g.putObject("KeyAttributes");
                gsiKeys.set("PartitionKey", keyAttribute(gsi.partitionKey()));
                if (gsi.sortKey() != null) {
                    gsiKeys.set("SortKey", keyAttribute(gsi.sortKey()));
                }
                ObjectNode projection = g.putObject("Projection");
                projection.put("ProjectionType", gsi.projection().name());
                if (gsi.projection() == ProjectionKind.INCLUDE) {
                    ArrayNode attributes = projection.putArray("NonKeyAttributes");
                    gsi.nonKeyAttributes().forEach(attributes::add);
                }
            }
        }
        List<SampleItem> tableItems = table.sampleItems().stream()
                .filter(i ->
                        i.entityType() == null || table.entity(i.entityType()).isEmpty())
                .toList();
        if (tableItems.stream().anyMatch(i -> i.entityType() != null)) {
            warnings.add("table " + table.name() + ": sample items of entity types the table does not have are"
                    + " written as table data");
        }
        if (!tableItems.isEmpty()) {
            ArrayNode data = node.putArray("TableData");
            tableItems.forEach(i -> data.add(Trees.JSON.valueToTree(i.attributes())));
        }
        node.putObject("DataAccess").putObject("MySql");
        if (withBilling) {
            node.put("BillingMode", table.billingMode().name());
            if (table.billingMode() == BillingMode.PROVISIONED && table.capacity() != null) {
                node.set("ProvisionedCapacitySettings", capacity(table.capacity()));
            }
        }
        warnUnsupported(table, warnings);
        return node;
    }

    private static ObjectNode facet(TableDesign table, EntityType entity) {
        ObjectNode facet = Trees.object();
        facet.put("FacetName", entity.name());
        ObjectNode alias = facet.putObject("KeyAttributeAlias");
        alias.put("PartitionKeyAlias", alias(entity, table.partitionKey().name()));
        if (table.sortKey() != null
                && entity.keyTemplates().containsKey(table.sortKey().name())) {
            alias.put("SortKeyAlias", alias(entity, table.sortKey().name()));
        }
        ArrayNode data = facet.putArray("TableData");
        table.sampleItems().stream()
                .filter(i -> entity.name().equals(i.entityType()))
                .forEach(i -> data.add(Trees.JSON.valueToTree(i.attributes())));
        ArrayNode attributes = facet.putArray("NonKeyAttributes");
        entity.attributes().forEach(a -> attributes.add(a.name()));
        facet.putObject("DataAccess").putObject("MySql");
        return facet;
    }

    /** The facet alias of a key: the template's variables joined by {@code #} (the attribute name if constant). */
    private static String alias(EntityType entity, String keyName) {
        KeyTemplate template = entity.keyTemplates().get(keyName);
        if (template == null || template.isConstant()) {
            return keyName;
        }
        return String.join("#", template.variables());
    }

    private static ObjectNode capacity(ProvisionedCapacity capacity) {
        ObjectNode settings = Trees.object();
        ObjectNode throughput = settings.putObject("ProvisionedThroughput");
        throughput.put("ReadCapacityUnits", capacity.readCapacityUnits());
        throughput.put("WriteCapacityUnits", capacity.writeCapacityUnits());
        if (capacity.readAutoScaling() != null) {
            settings.set("AutoScalingRead", scaling(capacity.readAutoScaling()));
        }
        if (capacity.writeAutoScaling() != null) {
            settings.set("AutoScalingWrite", scaling(capacity.writeAutoScaling()));
        }
        return settings;
    }

    private static ObjectNode scaling(AutoScaling scaling) {
        ObjectNode node = Trees.object();
        ObjectNode target = node.putObject("ScalableTargetRequest");
        target.put("MinCapacity", scaling.minCapacity());
        target.put("MaxCapacity", scaling.maxCapacity());
        target.put("ServiceRole", SERVICE_ROLE);
        ObjectNode policy = node.putObject("ScalingPolicyConfiguration");
        double value = scaling.targetUtilization();
        if (value == Math.rint(value)) {
            policy.put("TargetValue", (long) value);
        } else {
            policy.put("TargetValue", value);
        }
        return node;
    }

    private static ObjectNode keyAttribute(KeyAttribute key) {
        ObjectNode node = Trees.object();
        node.put("AttributeName", key.name());
        node.put("AttributeType", key.type().name());
        return node;
    }

    private static void warnUnsupported(TableDesign table, List<String> warnings) {
        String prefix = "table " + table.name() + ": ";
        if (!table.lsis().isEmpty()) {
            warnings.add(prefix + "local secondary indexes are not part of the NoSQL Workbench format; left out");
        }
        if (table.ttlAttribute() != null) {
            warnings.add(prefix + "TTL attribute " + table.ttlAttribute() + " left out");
        }
        if (table.streamViewType() != null) {
            warnings.add(prefix + "stream " + table.streamViewType() + " left out");
        }
        if (table.tableClass() != TableClass.STANDARD) {
            warnings.add(prefix + "table class " + table.tableClass() + " left out");
        }
        if (table.deletionProtection()) {
            warnings.add(prefix + "deletion protection left out");
        }
    }
}
