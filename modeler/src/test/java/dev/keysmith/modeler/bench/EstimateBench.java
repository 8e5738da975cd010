package dev.keysmith.modeler.bench;

import dev.keysmith.modeler.estimate.CapacityEstimator;
import dev.keysmith.modeler.estimate.EstimateOptions;
import dev.keysmith.modeler.estimate.EstimateReport;
import dev.keysmith.modeler.model.AccessPattern;
import dev.keysmith.modeler.model.AttributeSpec;
import dev.keysmith.modeler.model.AttributeType;
import dev.keysmith.modeler.model.Consistency;
import dev.keysmith.modeler.model.DataModel;
import dev.keysmith.modeler.model.EntityType;
import dev.keysmith.modeler.model.IndexDesign;
import dev.keysmith.modeler.model.KeyAttribute;
import dev.keysmith.modeler.model.Operation;
import dev.keysmith.modeler.model.ProjectionKind;
import dev.keysmith.modeler.model.Rate;
import dev.keysmith.modeler.model.TableDesign;
import dev.keysmith.modeler.model.Volume;
import dev.keysmith.modeler.template.KeyTemplate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm-up benchmark of {@link CapacityEstimator#estimate}: a model of 10 tables (2 GSIs and an LSI each, 5 entity
 * types each) and 500 access patterns of every operation. Target: under 20 ms per estimate once warm.
 *
 * <p>Run: {@code mvn -B -q -pl modeler -am test-compile} then {@code java -cp <test classpath>
 * dev.keysmith.modeler.bench.EstimateBench}.
 */
public final class EstimateBench {
    private static final Operation[] OPERATIONS = Operation.values();

    private EstimateBench() {}

    public static void main(String[] args) {
        DataModel model = model(10, 50);
        EstimateOptions options = EstimateOptions.defaults();
        int patterns = model.patterns().size();
        for (int i = 0; i < 300; i++) {
            blackhole(CapacityEstimator.estimate(model, options));
        }
        int runs = 200;
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            blackhole(CapacityEstimator.estimate(model, options));
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        // on a loaded machine wall time includes waiting for a core; thread CPU time does not
        System.out.printf(
                "estimate of %d patterns, %d tables (%d runs after 300 warm-up): wall median %.2f ms, p90 %.2f ms,"
                        + " min %.2f ms; thread CPU median %.2f ms, p90 %.2f ms%n",
                patterns,
                model.tables().size(),
                runs,
                wall[runs / 2],
                wall[runs * 9 / 10],
                wall[0],
                cpu[runs / 2],
                cpu[runs * 9 / 10]);
    }

    private static long sink;

    private static void blackhole(EstimateReport report) {
        sink += report.lines().size();
    }

    static DataModel model(int tables, int patternsPerTable) {
        List<TableDesign> designs = new ArrayList<>();
        List<AccessPattern> patterns = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            String name = "T" + t;
            List<EntityType> entities = new ArrayList<>();
            for (int e = 0; e < 5; e++) {
                Map<String, KeyTemplate> keys = new LinkedHashMap<>();
                keys.put("PK", KeyTemplate.parse("E" + e + "#{id}"));
                keys.put("SK", KeyTemplate.parse("META#{version}"));
                keys.put("GSI1PK", KeyTemplate.parse("TYPE#" + e));
                keys.put("GSI1SK", KeyTemplate.parse("{createdAt}"));
                if (e % 2 == 0) {
                    keys.put("GSI2PK", KeyTemplate.parse("OWNER#{owner}"));
                }
                entities.add(new EntityType(
                        "E" + e,
                        keys,
                        List.of(
                                new AttributeSpec("owner", AttributeType.S, true, null, 12),
                                new AttributeSpec("createdAt", AttributeType.S, true, null, 24),
                                new AttributeSpec("status", AttributeType.S, true, null, 8),
                                new AttributeSpec("amount", AttributeType.N, true, null, 5),
                                new AttributeSpec("body", AttributeType.S, false, null, 200 + 700 * e),
                                AttributeSpec.of("tags", AttributeType.SS),
                                AttributeSpec.of("lsiKey", AttributeType.N)),
                        new Volume(100_000L * (e + 1), 1_000, 1, null)));
            }
            designs.add(TableDesign.of(name, KeyAttribute.string("PK"), KeyAttribute.string("SK"))
                    .withGsis(List.of(
                            IndexDesign.of("GSI1", KeyAttribute.string("GSI1PK"), KeyAttribute.string("GSI1SK")),
                            IndexDesign.of("GSI2", KeyAttribute.string("GSI2PK"), null)
                                    .withProjection(ProjectionKind.INCLUDE, List.of("status", "amount"))))
                    .withLsis(List.of(IndexDesign.of("LSI1", KeyAttribute.string("PK"), KeyAttribute.number("lsiKey"))
                            .withProjection(ProjectionKind.KEYS_ONLY, List.of())))
                    .withTtlAttribute("expiresAt")
                    .withEntities(entities));
            for (int p = 0; p < patternsPerTable; p++) {
                Operation op = OPERATIONS[p % OPERATIONS.length];
                if (op == Operation.Scan) {
                    op = Operation.Query;
                }
                AccessPattern pattern = AccessPattern.of(
                                name + "-P" + p, "pattern " + p, op, name, null, new Rate(1 + p, 3 + 2 * p))
                        .withExpectedItemsPerRequest(1 + p % 25)
                        .withExpectedEntityTypes(List.of("E" + (p % 5)))
                        .withConsistency(p % 3 == 0 ? Consistency.STRONG : Consistency.EVENTUAL);
                if (op == Operation.Query && p % 4 == 1) {
                    pattern = pattern.withIndex(p % 8 == 1 ? "GSI1" : "LSI1").withConsistency(Consistency.EVENTUAL);
                }
                patterns.add(pattern);
            }
        }
        return new DataModel("Bench", "", designs, patterns);
    }
}
