package dev.keysmith.modeler.estimate;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the model does not say about one access pattern and the estimate needs.
 *
 * @param keyCardinality distinct partition-key values the pattern spreads over (null: derived from the key template and
 *     the entity's item count)
 * @param hotKeyShare the share (0 to 1) of the pattern's traffic that goes to its busiest partition-key value (null:
 *     uniform, 1 / cardinality)
 * @param filterSelectivity the share (0 to 1] of evaluated items a filter keeps; a Query or Scan reads returned items /
 *     selectivity (null: 1, or the pattern has no filter)
 * @param updatedAttributes the attributes an UpdateItem changes (null: every non-key attribute, no key attribute)
 * @param replacesExisting true when a PutItem overwrites an existing item rather than creating one
 */
public record PatternAssumptions(
        @Nullable Long keyCardinality,
        @Nullable Double hotKeyShare,
        @Nullable Double filterSelectivity,
        @Nullable Set<String> updatedAttributes,
        boolean replacesExisting) {

    public static final PatternAssumptions NONE = new PatternAssumptions(null, null, null, null, false);

    public PatternAssumptions {
        if (keyCardinality != null && keyCardinality < 1) {
            throw new IllegalArgumentException("A key cardinality must be at least 1, not " + keyCardinality);
        }
        if (hotKeyShare != null && !(hotKeyShare >= 0 && hotKeyShare <= 1)) {
            throw new IllegalArgumentException("A hot-key share must be between 0 and 1, not " + hotKeyShare);
        }
        if (filterSelectivity != null && !(filterSelectivity > 0 && filterSelectivity <= 1)) {
            throw new IllegalArgumentException(
                    "A filter selectivity must be greater than 0 and at most 1, not " + filterSelectivity);
        }
        updatedAttributes = updatedAttributes == null ? null : Set.copyOf(updatedAttributes);
    }

    public PatternAssumptions withKeyCardinality(@Nullable Long keyCardinality) {
        return new PatternAssumptions(
                keyCardinality, hotKeyShare, filterSelectivity, updatedAttributes, replacesExisting);
    }

    public PatternAssumptions withHotKeyShare(@Nullable Double hotKeyShare) {
        return new PatternAssumptions(
                keyCardinality, hotKeyShare, filterSelectivity, updatedAttributes, replacesExisting);
    }

    public PatternAssumptions withFilterSelectivity(@Nullable Double filterSelectivity) {
        return new PatternAssumptions(
                keyCardinality, hotKeyShare, filterSelectivity, updatedAttributes, replacesExisting);
    }

    public PatternAssumptions withUpdatedAttributes(@Nullable Set<String> updatedAttributes) {
        return new PatternAssumptions(
                keyCardinality, hotKeyShare, filterSelectivity, updatedAttributes, replacesExisting);
    }

    public PatternAssumptions withReplacesExisting(boolean replacesExisting) {
        return new PatternAssumptions(
                keyCardinality, hotKeyShare, filterSelectivity, updatedAttributes, replacesExisting);
    }
}
