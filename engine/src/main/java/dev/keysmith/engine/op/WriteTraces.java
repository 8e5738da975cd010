package dev.keysmith.engine.op;

import dev.keysmith.engine.keys.KeyCodec;
import dev.keysmith.engine.table.TableDef;
import dev.keysmith.engine.trace.ExecutionTrace;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Traces of single-item writes. */
final class WriteTraces {
    private WriteTraces() {}

    static void emit(
            OpContext ctx,
            String operation,
            TableDef table,
            Map<String, AttributeValue> keySource,
            Meter meter,
            long start) {
        if (!ctx.hooks().tracing()) {
            return;
        }
        AttributeValue pk = keySource.get(table.hash().name());
        int hash = pk == null ? -1 : KeyCodec.hash16(KeyCodec.encode(pk));
        Map<String, Double> indexes = new LinkedHashMap<>(meter.globalIndexUnits());
        indexes.putAll(meter.localIndexUnits());
        ctx.hooks()
                .trace(new ExecutionTrace(
                        operation,
                        table.name(),
                        null,
                        pk,
                        hash,
                        null,
                        true,
                        null,
                        0,
                        0,
                        0,
                        false,
                        null,
                        meter.total(),
                        indexes,
                        System.nanoTime() - start));
    }
}
