package dev.keysmith.modeler.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLockTest {

    @TempDir
    Path dir;

    private Path project() {
        return dir.resolve("shared.keysmith");
    }

    @Test
    void aProjectOpenInAnotherProcess_isLocked_readableReadOnly_andTakenOverWhenThatProcessDies() throws Exception {
        ProjectStore.create(project(), TextCodec.INSTANCE, "v1").close();
        try (ChildJvm other = ChildJvm.start(LockHolder.class, project().toString())) {
            assertEquals("open", other.readLine());

            ProjectLockedException e =
                    assertThrows(ProjectLockedException.class, () -> ProjectStore.open(project(), TextCodec.INSTANCE));
            assertEquals(ProjectFileException.Problem.LOCKED, e.problem());
            assertEquals(OptionalLong.of(other.pid()), e.pid());
            assertEquals(
                    "Cannot open shared.keysmith: it is already open in another Keysmith window/process (pid "
                            + other.pid() + "); it can be opened read-only",
                    e.getMessage());

            try (ProjectStore<String> viewer = ProjectStore.openReadOnly(project(), TextCodec.INSTANCE)) {
                assertEquals("v1", viewer.current());
                // the owner keeps saving while the viewer reads
                other.send("save v2 from the owner");
                assertEquals("saved 2", other.readLine());
                assertEquals(2, viewer.history().getFirst().id());
                assertEquals("v2 from the owner", viewer.load(2));
            }

            other.kill(); // kill -9: the lock file stays behind, but its lock died with the process
            assertEquals(
                    "pid=" + other.pid(),
                    Files.readString(ProjectLock.lockFileOf(project())).strip());
            try (ProjectStore<String> store = ProjectStore.open(project(), TextCodec.INSTANCE)) {
                assertEquals("v2 from the owner", store.current());
                store.save("v3", "after the takeover");
            }
        }
        try (Connection connection = Sql.connect(project());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }

    @Test
    void aSecondWriterInTheSameProcess_isLocked_untilTheFirstCloses() throws Exception {
        try (ProjectStore<String> first = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            ProjectLockedException e =
                    assertThrows(ProjectLockedException.class, () -> ProjectStore.open(project(), TextCodec.INSTANCE));
            assertEquals(OptionalLong.of(ProcessHandle.current().pid()), e.pid());
            try (ProjectStore<String> viewer = ProjectStore.openReadOnly(project(), TextCodec.INSTANCE)) {
                first.save("v2", "second");
                assertEquals("v2", viewer.load(2));
            }
            first.save("v3", "the owner still works after the viewer closed");
        }
        assertFalse(Files.exists(ProjectLock.lockFileOf(project())), "the lock file is removed on close");
        try (ProjectStore<String> second = ProjectStore.open(project(), TextCodec.INSTANCE)) {
            assertEquals("v3", second.current());
        }
    }

    @Test
    void aProjectBeingCreated_isLockedToo() throws Exception {
        try (ProjectStore<String> store = ProjectStore.create(project(), TextCodec.INSTANCE, "v1")) {
            assertFalse(store.isReadOnly());
            assertThrows(ProjectLockedException.class, () -> ProjectStore.open(project(), TextCodec.INSTANCE));
        }
    }
}
