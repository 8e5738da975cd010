package dev.keysmith.engine.op;

import dev.keysmith.engine.error.Errors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * ClientRequestToken idempotency of TransactWriteItems: for 10 minutes, the same token with the same request returns
 * the first call's outcome without writing again; with a different request it is an
 * IdempotentParameterMismatchException.
 */
public final class TransactionTokens {
    static final Duration WINDOW = Duration.ofMinutes(10);

    private record Entry(
            TransactWriteItemsRequest request, @Nullable TransactWriteItemsResponse response, Instant at) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    TransactionTokens(Clock clock) {
        this.clock = clock;
    }

    /** The earlier response for this token and request, or null if this is the first call in the window. */
    @Nullable
    TransactWriteItemsResponse replay(String token, TransactWriteItemsRequest request) {
        expire();
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (!sameRequest(e.request(), request)) {
            throw Errors.of(
                    "IdempotentParameterMismatchException",
                    "One or more parameter values were invalid: The request with the given client token has"
                            + " different parameters than an earlier request with this token",
                    400);
        }
        if (e.response() == null) {
            throw Errors.of(
                    "TransactionInProgressException",
                    "The transaction with the given request token is already in progress.",
                    400);
        }
        return e.response();
    }

    void begin(String token, TransactWriteItemsRequest request) {
        entries.putIfAbsent(token, new Entry(request, null, clock.instant()));
    }

    void complete(String token, TransactWriteItemsRequest request, TransactWriteItemsResponse response) {
        entries.put(token, new Entry(request, response, clock.instant()));
    }

    void abandon(String token) {
        Entry e = entries.get(token);
        if (e != null && e.response() == null) {
            entries.remove(token);
        }
    }

    private static boolean sameRequest(TransactWriteItemsRequest a, TransactWriteItemsRequest b) {
        return a.transactItems().equals(b.transactItems())
                && java.util.Objects.equals(a.returnConsumedCapacityAsString(), b.returnConsumedCapacityAsString())
                && java.util.Objects.equals(
                        a.returnItemCollectionMetricsAsString(), b.returnItemCollectionMetricsAsString());
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(WINDOW);
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (it.next().at().isBefore(cutoff)) {
                it.remove();
            }
        }
    }
}
