package dev.keysmith.modeler.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keysmith.modeler.model.ModelJson;
import dev.keysmith.modeler.model.Project;
import dev.keysmith.modeler.store.Autosaver;
import dev.keysmith.modeler.store.ProjectFiles;
import dev.keysmith.modeler.store.ProjectStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Times opening a large project file and autosaving it (not a test; run by hand):
 *
 * <pre>
 * mvn -B -q -pl modeler -am test-compile
 * java --enable-native-access=ALL-UNNAMED -cp "modeler/target/test-classes:modeler/target/classes:$(cat cp.txt)" \
 *     dev.keysmith.modeler.bench.ProjectStoreBench
 * </pre>
 *
 * (with {@code cp.txt} from {@code mvn -pl modeler dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class ProjectStoreBench {

    private static final int RUNS = 25;
    private static final int HISTORY = 30;

    private ProjectStoreBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("keysmith-bench");
        try {
            run(dir.resolve("large.keysmith"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path file) throws Exception {
        Project project = LargeProject.build();
        int jsonBytes = ModelJson.mapper()
                .writer()
                .without(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(project)
                .length;
        String summary;
        try (ProjectStore<Project> store = ProjectFiles.create(file, project)) {
            for (int i = 1; i < HISTORY; i++) {
                store.save(project.withName("Large " + i), "edit " + i);
            }
            summary = store.currentVersion().summary();
        }
        System.out.printf(
                Locale.ROOT,
                "document: %,d bytes of compact JSON (%s); file after %d versions: %,d bytes%n",
                jsonBytes,
                summary,
                HISTORY,
                Files.size(file));

        Timing first = time(() -> openAndClose(file));
        Timing[] opens = new Timing[RUNS];
        for (int i = 0; i < RUNS; i++) {
            opens[i] = time(() -> openAndClose(file));
        }
        report("open, first in this JVM (class loading, SQLite native)", new Timing[] {first});
        report("open (checks, lock, quick_check, inflate, parse, close)", opens);

        String json = ModelJson.write(project);
        Timing[] parses = new Timing[RUNS];
        for (int i = 0; i < RUNS; i++) {
            parses[i] = time(() -> ModelJson.read(json));
        }
        report("  of which ModelJson.read alone", parses);

        try (ProjectStore<Project> store = ProjectFiles.open(file)) {
            Timing[] saves = new Timing[RUNS];
            for (int i = 0; i < RUNS; i++) {
                Project edited = project.withName("Saved " + i);
                saves[i] = time(() -> store.save(edited, "bench"));
            }
            report("save (encode, deflate, SHA-256, FULL-sync commit)", saves);

            try (Autosaver<Project> autosaver = store.autosaver(Duration.ofHours(1))) {
                Timing[] submits = new Timing[RUNS];
                Timing[] autosaves = new Timing[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    Project edited = project.withName("Autosaved " + i);
                    submits[i] = time(() -> autosaver.submit(edited));
                    autosaves[i] = time(autosaver::flush, cpuOfThread("keysmith-autosave"));
                }
                report("autosave submit (the editing thread's cost)", submits);
                report("autosave write (encode, deflate, SHA-256, NORMAL-sync)", autosaves);
            }
        }
    }

    private static void openAndClose(Path file) {
        try (ProjectStore<Project> store = ProjectFiles.open(file)) {
            store.current();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wall-clock and CPU milliseconds of one run. */
    private record Timing(double wall, double cpu) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Times an action whose work runs on the calling thread. */
    private static Timing time(Runnable action) {
        return time(action, THREADS::getCurrentThreadCpuTime);
    }

    /** Times an action, counting the CPU time that {@code cpuNanos} reports (e.g. of a background thread). */
    private static Timing time(Runnable action, LongSupplier cpuNanos) {
        long cpu = cpuNanos.getAsLong();
        long start = System.nanoTime();
        action.run();
        return new Timing((System.nanoTime() - start) / 1e6, (cpuNanos.getAsLong() - cpu) / 1e6);
    }

    private static LongSupplier cpuOfThread(String name) {
        long id = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .threadId();
        return () -> THREADS.getThreadCpuTime(id);
    }

    private static void report(String what, Timing[] timings) {
        double[] wall =
                Arrays.stream(timings).mapToDouble(Timing::wall).sorted().toArray();
        double[] cpu = Arrays.stream(timings).mapToDouble(Timing::cpu).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%-58s wall median %7.1f ms (min %6.1f, max %6.1f)   cpu median %7.1f ms (min %6.1f)   n=%d%n",
                what,
                wall[wall.length / 2],
                wall[0],
                wall[wall.length - 1],
                cpu[cpu.length / 2],
                cpu[0],
                wall.length);
    }
}
