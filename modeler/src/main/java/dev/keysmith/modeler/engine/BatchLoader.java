package dev.keysmith.modeler.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items with BatchWriteItem, 25 per call, on several lanes at once, as bulk loaders of DynamoDB do: a lane is a
 * thread with its own batches, and an item goes to the lane its key hashes to, so two writes of one key keep their
 * order (the later wins, as sequential writes would) while different keys load in parallel. The embedded engine
 * commits concurrent batches together; a remote endpoint overlaps their round trips.
 *
 * <p>Items are added from one thread. Unprocessed items are resent with exponential backoff.
 */
final class BatchLoader implements AutoCloseable {
    /** BatchWriteItem's limit on requests per call. */
    static final int BATCH_SIZE = 25;

    private static final int MAX_UNPROCESSED_RETRIES = 12;
    private static final int BATCHES_IN_FLIGHT_PER_LANE = 2;

    private record Write(String table, Map<String, AttributeValue> item) {}

    private final DynamoDbClient target;
    private final List<Map<List<Object>, Write>> pending = new ArrayList<>();
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final List<CompletableFuture<Void>> tails = new ArrayList<>();
    private final Semaphore inFlight;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private long added;

    BatchLoader(DynamoDbClient target, int laneCount) {
        this.target = target;
        this.inFlight = new Semaphore(laneCount * BATCHES_IN_FLIGHT_PER_LANE);
        for (int i = 0; i < laneCount; i++) {
            pending.add(new LinkedHashMap<>());
            lanes.add(Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("keysmith-load-" + i).daemon().factory()));
            tails.add(CompletableFuture.completedFuture(null));
        }
    }

    /**
     * Queues an item under its table and key values; a second item with the same key in the same batch replaces the
     * first (BatchWriteItem refuses duplicates in one call).
     *
     * @throws RuntimeException the first failure of an earlier batch
     */
    void add(String table, List<Object> key, Map<String, AttributeValue> item) {
        rethrow();
        int lane = Math.floorMod(key.hashCode(), pending.size());
        Map<List<Object>, Write> batch = pending.get(lane);
        if (batch.remove(key) != null) {
            added--;
        }
        batch.put(key, new Write(table, item));
        added++;
        if (batch.size() == BATCH_SIZE) {
            submit(lane);
        }
    }

    /** Items added and not replaced by a later one of the same batch. */
    long added() {
        return added;
    }

    /** Items the target acknowledged. */
    long written() {
        return written.get();
    }

    long calls() {
        return calls.get();
    }

    long retries() {
        return retries.get();
    }

    /** Sends every partial batch, waits for all of them and rethrows the first failure. */
    void finish() {
        for (int lane = 0; lane < pending.size(); lane++) {
            if (!pending.get(lane).isEmpty()) {
                submit(lane);
            }
        }
        awaitAll();
    }

    /** Drops the partial batches and waits for those already sent. */
    void abandon() {
        pending.forEach(Map::clear);
        awaitAll();
    }

    private void awaitAll() {
        CompletableFuture.allOf(tails.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        rethrow();
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private void submit(int lane) {
        Map<String, List<WriteRequest>> requests = new LinkedHashMap<>();
        for (Write w : pending.get(lane).values()) {
            requests.computeIfAbsent(w.table(), t -> new ArrayList<>())
                    .add(WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(w.item()).build())
                            .build());
        }
        int size = pending.get(lane).size();
        pending.get(lane).clear();
        inFlight.acquireUninterruptibly();
        tails.set(lane, tails.get(lane).thenRunAsync(() -> send(requests, size), lanes.get(lane)));
    }

    private void send(Map<String, List<WriteRequest>> requests, int size) {
        try {
            if (failure.get() == null) {
                write(requests);
                written.addAndGet(size);
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            inFlight.release();
        }
    }

    private void write(Map<String, List<WriteRequest>> requests) {
        long sleep = 25;
        for (int attempt = 0; ; attempt++) {
            Map<String, List<WriteRequest>> batch = requests;
            BatchWriteItemResponse response = target.batchWriteItem(b -> b.requestItems(batch));
            calls.incrementAndGet();
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return;
            }
            if (attempt == MAX_UNPROCESSED_RETRIES) {
                int left = response.unprocessedItems().values().stream()
                        .mapToInt(List::size)
                        .sum();
                throw new IllegalStateException(left + " items stayed unprocessed after " + attempt + " retries");
            }
            retries.incrementAndGet();
            requests = response.unprocessedItems();
            pause(Duration.ofMillis(sleep));
            sleep = Math.min(sleep * 2, 5000);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}
