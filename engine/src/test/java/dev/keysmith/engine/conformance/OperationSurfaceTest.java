package dev.keysmith.engine.conformance;

import static dev.keysmith.engine.conformance.Fixtures.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Every operation of the SDK interface answers as DynamoDB would: a result or a DynamoDB error, never a crash. */
class OperationSurfaceTest {
    private final KeysmithEngine engine = KeysmithEngine.open(EngineConfig.inMemory());

    @AfterEach
    void close() {
        engine.close();
    }

    /** The interface's operation methods taking a request object (not the Consumer overloads, not paginators). */
    private static List<Method> operations() {
        return Arrays.stream(DynamoDbClient.class.getMethods())
                .filter(m -> m.getParameterCount() == 1
                        && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                        && !m.getName().endsWith("Paginator"))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    @Test
    void everyOperationWithAnEmptyRequestAnswersOrRaisesADynamoDbError() throws Exception {
        List<Method> operations = operations();
        assertTrue(operations.size() >= 57, "found " + operations.size() + " operations");
        List<String> wrong = new ArrayList<>();
        for (Method m : operations) {
            Object builder = m.getParameterTypes()[0].getMethod("builder").invoke(null);
            Method build = m.getParameterTypes()[0]
                    .getMethod("builder")
                    .getReturnType()
                    .getMethod("build");
            Object request = build.invoke(builder);
            try {
                m.invoke(engine, request);
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof DynamoDbException)) {
                    wrong.add(m.getName() + " threw " + e.getCause());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyNoArgumentOperationAnswersOrRaisesADynamoDbError() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Method m : DynamoDbClient.class.getMethods()) {
            if (m.getParameterCount() != 0 || !m.getReturnType().getName().endsWith("Response")) {
                continue;
            }
            try {
                m.invoke(engine);
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof DynamoDbException)) {
                    wrong.add(m.getName() + " threw " + e.getCause());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void globalTablesAreAnUnknownOperationNamingItself() {
        assertError(
                "UnknownOperationException",
                "CreateGlobalTable is not supported by Keysmith's local engine",
                () -> engine.createGlobalTable(b -> b.globalTableName("t")));
        assertError(
                "UnknownOperationException",
                "DescribeTableReplicaAutoScaling is not supported by Keysmith's local engine",
                () -> engine.describeTableReplicaAutoScaling(b -> b.tableName("t")));
    }

    @Test
    void contributorInsightsAreDisabledAndKinesisHasNoDestinations() {
        Fixtures.createTable(engine, "insights", "pk", ScalarAttributeType.S);
        var insights = engine.describeContributorInsights(b -> b.tableName("insights"));
        assertEquals(ContributorInsightsStatus.DISABLED, insights.contributorInsightsStatus());
        assertEquals("insights", insights.tableName());
        assertEquals(List.of(), engine.listContributorInsights(b -> {}).contributorInsightsSummaries());
        var kinesis = engine.describeKinesisStreamingDestination(b -> b.tableName("insights"));
        assertEquals(List.of(), kinesis.kinesisDataStreamDestinations());
        assertEquals(List.of(), engine.listGlobalTables(b -> {}).globalTables());
        assertEquals(List.of(), engine.listExports(b -> {}).exportSummaries());
        assertEquals(List.of(), engine.listImports(b -> {}).importSummaryList());
    }

    @Test
    void featureDescriptionsOfAMissingTableAreResourceNotFound() {
        assertError(
                "ResourceNotFoundException",
                "Requested resource not found: Table: nope not found",
                () -> engine.describeKinesisStreamingDestination(b -> b.tableName("nope")));
    }
}
