package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

class TagsTest {
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/tagged";

    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());

    @AfterEach
    void close() {
        engine.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private List<Tag> allTags(String arn) {
        List<Tag> tags = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListTagsOfResourceResponse page =
                    engine.listTagsOfResource(b -> b.resourceArn(arn).nextToken(from));
            tags.addAll(page.tags());
            token = page.nextToken();
        } while (token != null);
        return tags;
    }

    @Test
    void createTableStoresItsTags() {
        engine.createTable(b -> b.tableName("tagged")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder()
                        .attributeName("pk")
                        .keyType(KeyType.HASH)
                        .build())
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .tags(tag("env", "test"), tag("team", "")));
        assertEquals(List.of(tag("env", "test"), tag("team", "")), allTags(ARN));
    }

    @Test
    void tagResourceReplacesAnExistingKeyAndUntagIgnoresMissingKeys() {
        Fixtures.createTable(engine, "tagged", "pk", ScalarAttributeType.S);
        assertEquals(
                List.of(), engine.listTagsOfResource(b -> b.resourceArn(ARN)).tags());
        engine.tagResource(b -> b.resourceArn(ARN).tags(tag("a", "1"), tag("b", "2")));
        engine.tagResource(b -> b.resourceArn(ARN).tags(tag("a", "3")));
        assertEquals(List.of(tag("a", "3"), tag("b", "2")), allTags(ARN));
        engine.untagResource(b -> b.resourceArn(ARN).tagKeys("a", "never-set"));
        assertEquals(List.of(tag("b", "2")), allTags(ARN));
    }

    @Test
    void listTagsPagesWithNextToken() {
        Fixtures.createTable(engine, "tagged", "pk", ScalarAttributeType.S);
        List<Tag> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add(tag(String.format("k%02d", i), "v" + i));
        }
        engine.tagResource(b -> b.resourceArn(ARN).tags(expected));
        ListTagsOfResourceResponse first = engine.listTagsOfResource(b -> b.resourceArn(ARN));
        assertEquals(10, first.tags().size());
        assertEquals(expected, allTags(ARN));
    }

    @Test
    void fiftyTagsAreTheLimit() {
        Fixtures.createTable(engine, "tagged", "pk", ScalarAttributeType.S);
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v"));
        }
        engine.tagResource(b -> b.resourceArn(ARN).tags(fifty));
        assertError(
                "ValidationException",
                "One or more parameter values were invalid: The number of tags on a resource cannot exceed 50, but"
                        + " the request would leave 51",
                () -> engine.tagResource(b -> b.resourceArn(ARN).tags(tag("one-more", "v"))));
        assertEquals(50, allTags(ARN).size());
    }

    @Test
    void keyAndValueLengthsAndTheAwsPrefixAreChecked() {
        Fixtures.createTable(engine, "tagged", "pk", ScalarAttributeType.S);
        String longKey = "k".repeat(129);
        assertError(
                "ValidationException",
                "1 validation error detected: Value '" + longKey
                        + "' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than"
                        + " or equal to 128",
                () -> engine.tagResource(b -> b.resourceArn(ARN).tags(tag(longKey, "v"))));
        String longValue = "v".repeat(257);
        assertError(
                "ValidationException",
                "1 validation error detected: Value '" + longValue
                        + "' at 'tags.2.member.value' failed to satisfy constraint: Member must have length less than"
                        + " or equal to 256",
                () -> engine.tagResource(b -> b.resourceArn(ARN).tags(tag("ok", "v"), tag("k", longValue))));
        assertError(
                "ValidationException",
                "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member"
                        + " must have length greater than or equal to 1",
                () -> engine.tagResource(b -> b.resourceArn(ARN).tags(tag("", "v"))));
        assertError(
                "ValidationException",
                "One or more parameter values were invalid: The tag key aws:owner starts with the reserved prefix"
                        + " aws:",
                () -> engine.tagResource(b -> b.resourceArn(ARN).tags(tag("aws:owner", "v"))));
        engine.tagResource(b -> b.resourceArn(ARN).tags(tag("k".repeat(128), "v".repeat(256))));
        assertEquals(1, allTags(ARN).size());
    }

    @Test
    void unknownTablesAndMalformedArnsAreRejected() {
        assertError(
                "ResourceNotFoundException",
                "Requested resource not found: ResourceArn: " + ARN + " not found",
                () -> engine.listTagsOfResource(b -> b.resourceArn(ARN)));
        assertError(
                "ValidationException",
                "Invalid TableArn: Invalid ResourceArn provided as input not-an-arn",
                () -> engine.tagResource(b -> b.resourceArn("not-an-arn").tags(tag("a", "b"))));
    }

    @Test
    void aRecreatedTableDoesNotInheritTheDeletedTablesTags() {
        Fixtures.createTable(engine, "tagged", "pk", ScalarAttributeType.S);
        engine.tagResource(b -> b.resourceArn(ARN).tags(tag("a", "1")));
        engine.deleteTable(b -> b.tableName("tagged"));
        Fixtures.createTable(engine, "tagged", "pk", ScalarAttributeType.S);
        ListTagsOfResourceResponse tags = engine.listTagsOfResource(b -> b.resourceArn(ARN));
        assertEquals(List.of(), tags.tags());
        assertNull(tags.nextToken());
    }
}
