package dev.keysmith.engine.stream;

import org.jspecify.annotations.Nullable;

/**
 * One shard of a stream: a range of sequence numbers. The newest shard is open ({@code endSequence == -1}); when it
 * has lived for the rotation interval it is closed and a child shard takes over, as DynamoDB's shards do.
 */
public record ShardInfo(
        String shardId, @Nullable String parentShardId, long startSequence, long endSequence, long createdMillis) {
    public boolean open() {
        return endSequence < 0;
    }

    ShardInfo closeAt(long lastSequence) {
        return new ShardInfo(shardId, parentShardId, startSequence, lastSequence, createdMillis);
    }
}
