/**
 * Opt-in throughput emulation: token buckets per provisioned table and GSI, refilled at the provisioned rate with
 * DynamoDB's 300-second burst allowance, so callers see ProvisionedThroughputExceededException before production.
 */
@NullMarked
package dev.keysmith.engine.throughput;

import org.jspecify.annotations.NullMarked;
