/**
 * Materialization: {@link dev.keysmith.modeler.engine.Materializer} plans and applies a data model's tables on any
 * {@code DynamoDbClient} (the embedded engine, a Keysmith endpoint, DynamoDB Local, AWS) and loads sample data;
 * {@link dev.keysmith.modeler.engine.PatternRunner} runs the access patterns against it. The only modeler package that
 * imports {@code dev.keysmith.engine}.
 */
@NullMarked
package dev.keysmith.modeler.engine;

import org.jspecify.annotations.NullMarked;
