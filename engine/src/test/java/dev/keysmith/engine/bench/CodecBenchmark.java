package dev.keysmith.engine.bench;

import dev.keysmith.engine.keys.ItemCodec;
import dev.keysmith.engine.keys.KeyCodec;
import dev.keysmith.engine.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item and key codec speed. Not part of the test run; start it with {@link #main} on the test classpath (see
 * engine's test-compile, which runs the JMH annotation processor).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CodecBenchmark {
    private Map<String, AttributeValue> item;
    private byte[] encodedItem;
    private AttributeValue stringKey;
    private AttributeValue numberKey;

    @Setup
    public void setUp() {
        item = sampleItem();
        encodedItem = ItemCodec.encode(item);
        stringKey = AttributeValue.fromS("USER#0001234#ORDER#2026-11-22T01:23:45Z");
        numberKey = AttributeValue.fromN("1763774625.125");
    }

    /** About 1 KB with ten attributes of the usual kinds, including a small map and list. */
    static Map<String, AttributeValue> sampleItem() {
        var item = new LinkedHashMap<String, AttributeValue>();
        item.put("pk", AttributeValue.fromS("USER#0001234"));
        item.put("sk", AttributeValue.fromS("ORDER#2026-11-22T01:23:45Z"));
        item.put("status", AttributeValue.fromS("SHIPPED"));
        item.put("total", AttributeValue.fromN("1234.56"));
        item.put("quantity", AttributeValue.fromN("3"));
        item.put("gift", AttributeValue.fromBool(false));
        item.put("tags", AttributeValue.fromSs(List.of("priority", "fragile", "eu")));
        item.put(
                "address",
                AttributeValue.fromM(Map.of(
                        "street", AttributeValue.fromS("Storgata 1"),
                        "city", AttributeValue.fromS("Oslo"),
                        "zip", AttributeValue.fromN("150"))));
        item.put(
                "lines",
                AttributeValue.fromL(List.of(
                        AttributeValue.fromS("SKU-1"), AttributeValue.fromS("SKU-2"), AttributeValue.fromN("2"))));
        item.put("note", AttributeValue.fromS("x".repeat(760)));
        item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[32])));
        return item;
    }

    @Benchmark
    public Map<String, AttributeValue> itemDecode() {
        return ItemCodec.decode(encodedItem);
    }

    @Benchmark
    public byte[] itemEncode() {
        return ItemCodec.encode(item);
    }

    @Benchmark
    public int itemSize() {
        return ItemSize.of(item);
    }

    @Benchmark
    public byte[] keyEncodeString() {
        return KeyCodec.encode(stringKey);
    }

    @Benchmark
    public byte[] keyEncodeNumber() {
        return KeyCodec.encode(numberKey);
    }

    public static void main(String[] args) throws RunnerException {
        Jmh.run(CodecBenchmark.class);
    }
}
