/**
 * The DynamoDB operations the local engine cannot honour (global tables, Kinesis destinations, S3 import and export,
 * resource policies...): DynamoDB-style answers instead of the SDK interface's default {@code
 * UnsupportedOperationException}.
 */
@NullMarked
package dev.keysmith.engine.surface;

import org.jspecify.annotations.NullMarked;
