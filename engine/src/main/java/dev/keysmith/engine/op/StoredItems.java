package dev.keysmith.engine.op;

import dev.keysmith.engine.keys.ItemCodec;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;

/**
 * A caller's request to be handed the items of a Query or Scan page in the stored encoding of {@link ItemCodec}
 * instead of as SDK attribute maps inside the response. The HTTP endpoint attaches one to the request it passes to
 * the engine and writes the JSON of the items straight from the bytes; an in-process caller never attaches one and
 * gets SDK objects as always. Once the operation has handed the items over ({@link #items()} is no longer null), the
 * response it returns carries no {@code Items}: they are here, in order, whole or projected as the request asked.
 */
public final class StoredItems {
    private static final ExecutionAttribute<StoredItems> ATTRIBUTE =
            new ExecutionAttribute<>("dev.keysmith.engine.StoredItems");

    private @Nullable List<byte[]> items;

    /** Attaches this mailbox to a new request's builder (replacing any override configuration it has). */
    public <B extends AwsRequest.Builder> B attachTo(B request) {
        request.overrideConfiguration(o -> o.putExecutionAttribute(ATTRIBUTE, this));
        return request;
    }

    /** The items of the page, each in the stored encoding; null until the operation has handed them over. */
    public @Nullable List<byte[]> items() {
        return items;
    }

    /** The mailbox attached to {@code request}, or null when its caller wants SDK objects. */
    static @Nullable StoredItems requestedBy(AwsRequest request) {
        return request.overrideConfiguration()
                .map(o -> o.executionAttributes().getAttribute(ATTRIBUTE))
                .orElse(null);
    }

    void deliver(List<byte[]> page) {
        items = page;
    }
}
