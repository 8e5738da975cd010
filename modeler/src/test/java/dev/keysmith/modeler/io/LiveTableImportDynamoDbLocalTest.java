package dev.keysmith.modeler.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.keysmith.modeler.model.BillingMode;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.ProvisionedCapacity;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.template.KeyTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live import reads another DynamoDB implementation, DynamoDB Local (embedded, in memory), the same way. */
class LiveTableImportDynamoDbLocalTest {

    @Test
    void a_single_table_design_in_dynamodb_local_imports_with_its_indexes_ttl_and_entity_types() throws Exception {
        AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true);
        ImportResult result;
        try {
            LiveTables.createApp(local.dynamoDbClient());
            result = LiveTableImport.read(
                    local.dynamoDbClient(), List.of(), LiveImportOptions.of("local", "DynamoDB Local"));
        } finally {
            local.shutdown();
        }

        TableDesign table = result.project().models().getFirst().tables().getFirst();
        assertEquals("App", table.name());
        assertEquals(List.of("PK", "SK"), table.keyNames());
        assertEquals(BillingMode.PROVISIONED, table.billingMode());
        assertEquals(ProvisionedCapacity.of(7, 3), table.capacity());
        assertEquals("expiresAt", table.ttlAttribute());
        assertEquals(
                List.of("ByEmail", "Inverted"),
                table.gsis().stream().map(IndexDesign::name).sorted().toList());
        assertEquals(KeyAttribute.string("createdAt"), table.lsis().getFirst().sortKey());
        assertEquals(
                Map.of(
                        "PK",
                        KeyTemplate.parse("USER#{userId}"),
                        "SK",
                        KeyTemplate.parse("PROFILE"),
                        "email",
                        KeyTemplate.parse("{email}")),
                table.entity("UserProfile").map(EntityType::keyTemplates).orElseThrow());
        assertEquals(
                KeyTemplate.parse("ORDER#{orderDate}#{orderId}"),
                table.entity("Order").orElseThrow().keyTemplates().get("SK"));
        assertEquals(6, table.sampleItems().size());
    }
}
