package dev.keysmith.app.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes PNG snapshots of what a test shows to {@code app/target/snapshots/}, for people to look at. */
public final class Snapshots {
    private Snapshots() {}

    /** The folder snapshots go to: {@code target/snapshots} of the module under test. */
    private static Path directory() {
        return Path.of(System.getProperty("basedir", "."), "target", "snapshots");
    }

    public static Path write(Stage stage, String name) {
        return write(stage.getScene(), name);
    }

    public static Path write(Scene scene, String name) {
        return save(takeOnFx(() -> scene.snapshot(null)), name);
    }

    public static Path write(Node node, String name) {
        return save(takeOnFx(() -> node.snapshot(null, null)), name);
    }

    private static WritableImage takeOnFx(Callable<WritableImage> snapshot) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return WaitForAsyncUtils.asyncFx(snapshot).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not take snapshot", e);
        }
    }

    private static Path save(WritableImage image, String name) {
        Path file = directory().resolve(name.endsWith(".png") ? name : name + ".png");
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write snapshot " + file, e);
        }
        return file;
    }
}
