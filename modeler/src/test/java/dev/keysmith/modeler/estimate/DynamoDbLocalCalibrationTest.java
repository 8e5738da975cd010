package dev.keysmith.modeler.estimate;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The calibration against DynamoDB Local 2.6.1 (embedded, in memory). Known difference: DynamoDB Local doubles the
 * index writes of a transaction, while live DynamoDB does not (reference 2.3, item 8); the estimator follows live
 * DynamoDB.
 */
class DynamoDbLocalCalibrationTest extends CapacityCalibrationContract {
    private AmazonDynamoDBLocal local;

    @Override
    DynamoDbClient open() {
        local = DynamoDBEmbedded.create(true);
        return local.dynamoDbClient();
    }

    @Override
    boolean doublesTransactionalIndexWrites() {
        return true;
    }

    @AfterAll
    void stop() {
        local.shutdown();
    }
}
