/**
 * Sample data: {@link dev.keysmith.modeler.sample.SampleDataGenerator} turns a data model's entity types into a lazy,
 * deterministic stream of items (keys rendered from the key templates, values from each attribute's generator).
 */
@NullMarked
package dev.keysmith.modeler.sample;

import org.jspecify.annotations.NullMarked;
