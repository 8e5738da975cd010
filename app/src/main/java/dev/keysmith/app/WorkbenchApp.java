package dev.keysmith.app;

import dev.keysmith.app.view.shell.FxProjectFileChooser;
import dev.keysmith.app.view.shell.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/** The JavaFX application: wires the {@link AppContext}, applies the remembered theme and shows the main window. */
public final class WorkbenchApp extends Application {
    private @Nullable AppContext context;

    @Override
    public void start(Stage stage) {
        AppContext app = AppContext.desktop();
        context = app;
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            error.printStackTrace();
            app.errors().report("An operation on thread " + thread.getName(), error);
        });
        app.themes().applyCurrent();
        new MainWindow(stage, app, new FxProjectFileChooser(), Platform::exit).show();
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
