/**
 * The optional DynamoDB JSON 1.0 HTTP endpoint: {@code WireServer} decodes requests into the AWS SDK's model classes
 * ({@code JsonCodec}), calls a {@code DynamoDbClient} (and a {@code DynamoDbStreamsClient}), and encodes responses
 * and errors ({@code ErrorMapper}) exactly as DynamoDB does. Nothing else in the engine imports this package.
 */
@NullMarked
package dev.keysmith.engine.wire;

import org.jspecify.annotations.NullMarked;
