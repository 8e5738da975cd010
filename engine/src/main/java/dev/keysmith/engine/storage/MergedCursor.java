package dev.keysmith.engine.storage;

import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A cursor over a {@link Layer} lying over a lower cursor: the layer's entries replace the lower ones with the same
 * key, and its tombstones hide them. After a move that found nothing, {@link #next} and {@link #prev} find nothing
 * either until {@link #seek}, {@link #first} or {@link #last}.
 */
final class MergedCursor implements Cursor {
    private final Layer upper;
    private final Cursor lower;

    private boolean fresh = true;
    private byte @Nullable [] key;
    private byte @Nullable [] value;
    /** Whether {@link #value} is the lower cursor's (read on demand) rather than the layer's. */
    private boolean valueBelow;

    /**
     * The lower cursor's last answer: its nearest key ({@link #lowerKey}, where it is positioned; null if none) moving
     * {@link #lowerForward} from {@link #lowerFrom} (null: from the first or last key).
     */
    private byte @Nullable [] lowerKey;

    private byte @Nullable [] lowerFrom;
    private boolean lowerInclusive;
    private boolean lowerForward;
    private boolean lowerKnown;

    /** The layer's last answer: its nearest entry moving {@link #upperForward} from {@link #upperFrom}. */
    private Map.@Nullable Entry<byte[], byte[]> upperEntry;

    private byte @Nullable [] upperFrom;
    private boolean upperForward;
    private boolean upperInclusive;
    private boolean upperKnown;

    /** Whether the layer stays the same while this cursor lives, so its answers can be reused. */
    private final boolean upperStable;

    MergedCursor(Layer upper, Cursor lower, boolean upperStable) {
        this.upper = upper;
        this.lower = lower;
        this.upperStable = upperStable;
    }

    @Override
    public boolean seek(byte[] k) {
        return move(k, true, true);
    }

    @Override
    public boolean first() {
        return move(null, true, true);
    }

    @Override
    public boolean last() {
        return move(null, true, false);
    }

    @Override
    public boolean next() {
        if (fresh) {
            return first();
        }
        return key != null && move(key, false, true);
    }

    @Override
    public boolean prev() {
        if (fresh) {
            return last();
        }
        return key != null && move(key, false, false);
    }

    @Override
    public byte[] key() {
        return current().clone();
    }

    @Override
    public byte[] value() {
        current();
        if (valueBelow) {
            value = lower.value();
            valueBelow = false;
            return value.clone();
        }
        return value.clone();
    }

    @Override
    public void close() {
        lower.close();
    }

    private byte[] current() {
        if (key == null) {
            throw new IllegalStateException("The cursor is not positioned on an entry");
        }
        return key;
    }

    /** Moves to the nearest visible entry after (or before) {@code from}; true if there is one. */
    private boolean move(byte @Nullable [] from, boolean inclusive, boolean forward) {
        fresh = false;
        while (true) {
            Map.Entry<byte[], byte[]> up = upperNearest(from, inclusive, forward);
            byte[] low = lowerNearest(from, inclusive, forward);
            if (up == null && low == null) {
                key = null;
                return false;
            }
            // which comes first in the direction of the move; the layer's entry wins a tie
            int order =
                    up == null ? 1 : low == null ? -1 : Arrays.compareUnsigned(up.getKey(), low) * (forward ? 1 : -1);
            if (order <= 0) {
                if (up.getValue() != Layer.TOMBSTONE) {
                    key = up.getKey();
                    value = up.getValue();
                    valueBelow = false;
                    return true;
                }
                from = up.getKey();
                inclusive = false;
                continue;
            }
            key = low;
            valueBelow = true;
            return true;
        }
    }

    /**
     * The layer's nearest entry; reuses the last answer when {@code from} lies between the last question and its
     * answer, so a walk past many keys the layer leaves to the lower cursor does not ask about them again each step.
     */
    private Map.@Nullable Entry<byte[], byte[]> upperNearest(
            byte @Nullable [] from, boolean inclusive, boolean forward) {
        if (upperStable && upperKnown && upperForward == forward && from != null && upperFrom != null) {
            int sign = forward ? 1 : -1;
            int sinceLast = Arrays.compareUnsigned(from, upperFrom) * sign;
            boolean notBefore = sinceLast > 0 || (sinceLast == 0 && (upperInclusive || !inclusive));
            if (notBefore) {
                if (upperEntry == null) {
                    return null;
                }
                int toAnswer = Arrays.compareUnsigned(upperEntry.getKey(), from) * sign;
                if (toAnswer > 0 || (toAnswer == 0 && inclusive)) {
                    return upperEntry;
                }
            }
        }
        upperEntry = upper.nearest(from, inclusive, forward);
        upperFrom = from;
        upperInclusive = inclusive;
        upperForward = forward;
        upperKnown = from != null;
        return upperEntry;
    }

    /** Positions the lower cursor on its nearest key after (or before) {@code from} and returns that key, or null. */
    private byte @Nullable [] lowerNearest(byte @Nullable [] from, boolean inclusive, boolean forward) {
        if (from == null) {
            return lowerMoved(forward ? lower.first() : lower.last(), null, true, forward);
        }
        int sign = forward ? 1 : -1;
        if (lowerKnown && lowerForward == forward) {
            if (lowerKey != null && Arrays.equals(lowerKey, from)) {
                return inclusive ? lowerKey : lowerMoved(forward ? lower.next() : lower.prev(), from, false, forward);
            }
            // the last answer is the nearest key beyond lowerFrom: it still answers for a start at or beyond that
            boolean covered = lowerFrom == null;
            if (!covered) {
                int since = Arrays.compareUnsigned(from, lowerFrom) * sign;
                covered = since > 0 || (since == 0 && (lowerInclusive || !inclusive));
            }
            if (covered && (lowerKey == null || Arrays.compareUnsigned(lowerKey, from) * sign > 0)) {
                return lowerKey;
            }
        }
        boolean found = lower.seek(from);
        if (forward) {
            if (found && !inclusive && Arrays.equals(lower.key(), from)) {
                found = lower.next();
            }
        } else if (!found) {
            found = lower.last();
        } else {
            int order = Arrays.compareUnsigned(lower.key(), from);
            if (order > 0 || (order == 0 && !inclusive)) {
                found = lower.prev();
            }
        }
        return lowerMoved(found, from, inclusive, forward);
    }

    /**
     * Records where the lower cursor now is: on its nearest key after (or before) {@code from}, or, when it found
     * nothing, nowhere beyond {@code from}.
     */
    private byte @Nullable [] lowerMoved(boolean found, byte @Nullable [] from, boolean inclusive, boolean forward) {
        lowerKnown = true;
        lowerForward = forward;
        lowerKey = found ? lower.key() : null;
        lowerFrom = from;
        lowerInclusive = inclusive;
        return lowerKey;
    }
}
