package dev.keysmith.app.view.shell;

import dev.keysmith.app.settings.Settings;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the main window's position, size and maximized state between runs. */
final class WindowState {
    static final String X = "window.x";
    static final String Y = "window.y";
    static final String WIDTH = "window.width";
    static final String HEIGHT = "window.height";
    static final String MAXIMIZED = "window.maximized";

    private WindowState() {}

    /**
     * Puts {@code stage} where it was when last saved, if that place is still on a screen; otherwise gives it the
     * default size, centred.
     */
    static void restore(Stage stage, Settings settings, double defaultWidth, double defaultHeight) {
        OptionalDouble x = settings.getDouble(X);
        OptionalDouble y = settings.getDouble(Y);
        OptionalDouble width = settings.getDouble(WIDTH);
        OptionalDouble height = settings.getDouble(HEIGHT);
        if (x.isPresent()
                && y.isPresent()
                && width.isPresent()
                && height.isPresent()
                && isOnScreen(
                        new Rectangle2D(x.getAsDouble(), y.getAsDouble(), width.getAsDouble(), height.getAsDouble()))) {
            stage.setX(x.getAsDouble());
            stage.setY(y.getAsDouble());
            stage.setWidth(width.getAsDouble());
            stage.setHeight(height.getAsDouble());
        } else {
            stage.setWidth(defaultWidth);
            stage.setHeight(defaultHeight);
            stage.centerOnScreen();
        }
        stage.setMaximized(settings.get(MAXIMIZED).map(Boolean::parseBoolean).orElse(false));
    }

    private static boolean isOnScreen(Rectangle2D bounds) {
        return bounds.getWidth() > 0
                && bounds.getHeight() > 0
                && !Screen.getScreensForRectangle(bounds).isEmpty();
    }

    /** Saves the stage's state; a maximized window keeps the normal bounds saved before it was maximized. */
    static void save(Stage stage, Settings settings) {
        if (stage.isMaximized()) {
            settings.put(MAXIMIZED, "true");
        } else {
            settings.putAll(Map.of(
                    X, Double.toString(stage.getX()),
                    Y, Double.toString(stage.getY()),
                    WIDTH, Double.toString(stage.getWidth()),
                    HEIGHT, Double.toString(stage.getHeight()),
                    MAXIMIZED, "false"));
        }
    }
}
