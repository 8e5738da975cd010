/**
 * The offline capacity and cost estimator: DynamoDB's metering rules ({@link dev.keysmith.modeler.estimate.CapacityMath}),
 * a dated price table ({@link dev.keysmith.modeler.estimate.PriceTable}), the money side
 * ({@link dev.keysmith.modeler.estimate.CostModel}) and the model-driven estimate with its reports. Every number it
 * produces is a {@link dev.keysmith.modeler.estimate.LineItem} whose formula shows the inputs it was computed from.
 */
@NullMarked
package dev.keysmith.modeler.estimate;

import org.jspecify.annotations.NullMarked;
