package dev.keysmith.modeler.estimate;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The calibration against Keysmith's own engine: for every operation of the contract, the estimator's capacity per
 * request equals the ConsumedCapacity the engine reports, index by index. The engine follows live DynamoDB and does
 * not double a transaction's index writes (reference 2.3, item 8).
 */
class KeysmithEngineCalibrationTest extends CapacityCalibrationContract {
    private KeysmithEngine engine;

    @Override
    DynamoDbClient open() {
        engine = KeysmithEngine.open(EngineConfig.inMemory());
        return engine;
    }

    @Override
    boolean doublesTransactionalIndexWrites() {
        return false;
    }

    @AfterAll
    void stop() {
        engine.close();
    }
}
