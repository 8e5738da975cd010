package dev.keysmith.modeler.sample;

import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Produces one attribute value per call, drawing all randomness from the generator it is given. */
@FunctionalInterface
interface ValueSource {
    AttributeValue next(RandomGenerator random);
}
