package dev.keysmith.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.app.Launcher;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ServeCommandTest {
    private static ServeCommand parse(String... args) {
        CommandLine cl = Launcher.commandLine(() -> {});
        CommandLine.ParseResult r = cl.parseArgs(args);
        return (ServeCommand) r.subcommand().commandSpec().userObject();
    }

    private static DynamoDbClient client(ServeCommand.Running running, String key, String secret) {
        return DynamoDbClient.builder()
                .endpointOverride(running.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    @Test
    void servesOnLoopbackAndDataSurvivesARestart(@TempDir Path data) throws Exception {
        ServeCommand serve = parse("serve", "--port", "0", "--data", data.toString());
        try (ServeCommand.Running running = serve.start();
                DynamoDbClient ddb = client(running, "any", "thing")) {
            assertEquals("127.0.0.1", running.server().endpoint().getHost());
            assertNotEquals(0, running.server().port());
            ddb.createTable(b -> b.tableName("kept")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("id")
                            .keyType(KeyType.HASH)
                            .build())
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("id")
                            .attributeType(ScalarAttributeType.S)
                            .build()));
            ddb.putItem(b -> b.tableName("kept").item(Map.of("id", AttributeValue.fromS("1"))));
        }
        try (ServeCommand.Running running =
                        parse("serve", "--port", "0", "--data", data.toString()).start();
                DynamoDbClient ddb = client(running, "other", "creds")) {
            assertTrue(ddb.getItem(b -> b.tableName("kept").key(Map.of("id", AttributeValue.fromS("1"))))
                    .hasItem());
        }
    }

    @Test
    void requiredSignaturesRejectUnknownKeys() throws Exception {
        try (ServeCommand.Running running = parse(
                                "serve", "--port", "0", "--in-memory", "--require-signature", "AKID:s3cret")
                        .start();
                DynamoDbClient good = client(running, "AKID", "s3cret");
                DynamoDbClient bad = client(running, "OTHER", "s3cret")) {
            assertTrue(good.listTables().tableNames().isEmpty());
            DynamoDbException e =
                    org.junit.jupiter.api.Assertions.assertThrows(DynamoDbException.class, bad::listTables);
            assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void dataAndInMemoryAreExclusive() {
        CommandLine cl = Launcher.commandLine(() -> {});
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(2, cl.execute("serve", "--data", "x", "--in-memory"));
    }
}
