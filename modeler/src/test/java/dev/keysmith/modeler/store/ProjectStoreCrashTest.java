package dev.keysmith.modeler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of a process in the middle of saving loses nothing that a returned save acknowledged. */
class ProjectStoreCrashTest {

    @TempDir
    Path dir;

    @Test
    void killingAProcessMidSave_keepsEveryAcknowledgedVersion() throws Exception {
        Path file = dir.resolve("crash.keysmith");
        Map<Long, String> acknowledged = new LinkedHashMap<>();
        Random random = new Random(2026);
        for (int round = 0; round < 3; round++) {
            try (ChildJvm saver = ChildJvm.start(CrashSaver.class, file.toString(), Long.toString(round))) {
                assertEquals("ready", saver.readLine());
                int saves = 2 + random.nextInt(3);
                for (int done = 0; done < saves; ) {
                    String line = saver.readLine();
                    assertNotNull(line, "the saver stopped early");
                    if (line.startsWith("saved ")) {
                        String[] parts = line.split(" ");
                        acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                        done++;
                    }
                }
                assertEquals("saving", saver.readLine());
                // a save has begun (each takes tens of milliseconds or more): kill somewhere inside it
                Thread.sleep(random.nextInt(40));
                saver.kill();
            }

            try (ProjectStore<String> store = ProjectStore.open(file, TextCodec.INSTANCE)) {
                Set<Long> present =
                        store.history().stream().map(SavedVersion::id).collect(Collectors.toSet());
                assertTrue(present.containsAll(acknowledged.keySet()), "lost versions: " + acknowledged.keySet());
                for (Map.Entry<Long, String> version : acknowledged.entrySet()) {
                    String document = store.load(version.getKey());
                    assertEquals(version.getValue(), EncodedDocument.sha256(document.getBytes(StandardCharsets.UTF_8)));
                }
            }
            assertEquals("ok", Sql.queryString(file, "PRAGMA integrity_check"));
        }
    }
}
