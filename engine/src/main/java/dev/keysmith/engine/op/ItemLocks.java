package dev.keysmith.engine.op;

import dev.keysmith.engine.error.Errors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The items that in-flight transactions hold. DynamoDB does not queue conflicting requests: a transaction that finds
 * one of its items held by another transaction is cancelled with TransactionConflict, and a single-item write to a
 * held item fails with TransactionConflictException. This table gives the engine the same observable behaviour.
 */
public final class ItemLocks {
    private final ConcurrentHashMap<ByteBuffer, Object> held = new ConcurrentHashMap<>();

    /** The identity of one item across tables. */
    static ByteBuffer id(String tableId, byte[] storageKey) {
        byte[] t = tableId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(t.length + 1 + storageKey.length);
        b.put(t).put((byte) 0).put(storageKey).flip();
        return b;
    }

    /**
     * Takes every item or none. Returns the indexes (into {@code ids}) of the items held by someone else; empty means
     * all were taken by {@code owner}.
     */
    List<Integer> tryLockAll(List<ByteBuffer> ids, Object owner) {
        List<Integer> conflicts = new ArrayList<>();
        List<ByteBuffer> taken = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Object prev = held.putIfAbsent(ids.get(i), owner);
            if (prev == null) {
                taken.add(ids.get(i));
            } else if (prev != owner) {
                conflicts.add(i);
            }
        }
        if (!conflicts.isEmpty()) {
            for (ByteBuffer id : taken) {
                held.remove(id, owner);
            }
        }
        return conflicts;
    }

    void unlockAll(List<ByteBuffer> ids, Object owner) {
        for (ByteBuffer id : ids) {
            held.remove(id, owner);
        }
    }

    /** Fails a single-item write whose item a transaction holds right now. */
    void checkNotHeld(String tableId, byte[] storageKey) {
        if (!held.isEmpty() && held.containsKey(id(tableId, storageKey))) {
            throw Errors.of("TransactionConflictException", "Transaction is ongoing for the item", 400);
        }
    }

    boolean isHeld(ByteBuffer id) {
        return held.containsKey(id);
    }
}
