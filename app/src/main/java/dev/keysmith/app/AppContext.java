package dev.keysmith.app;

import dev.keysmith.app.settings.Settings;
import dev.keysmith.app.task.ErrorReporter;
import dev.keysmith.app.task.FxTaskRunner;
import dev.keysmith.app.task.TaskRunner;
import dev.keysmith.app.theme.ThemeService;
import dev.keysmith.app.view.dialog.AlertErrorReporter;
import dev.keysmith.app.view.shell.ShellViewModel;

/** Hand-written wiring: builds the workbench's services once and hands them to the views. */
public final class AppContext implements AutoCloseable {
    private final Settings settings;
    private final ErrorReporter errors;
    private final TaskRunner tasks;
    private final ThemeService themes;
    private final ShellViewModel shell;

    public AppContext(Settings settings, ErrorReporter errors, TaskRunner tasks) {
        this.settings = settings;
        this.errors = errors;
        this.tasks = tasks;
        this.themes = new ThemeService(settings);
        this.shell = new ShellViewModel(settings);
    }

    /** The desktop wiring: the user's settings, error dialogs and background threads. Call on the FX thread. */
    public static AppContext desktop() {
        ErrorReporter errors = new AlertErrorReporter();
        return new AppContext(Settings.loadDefault(), errors, new FxTaskRunner(errors));
    }

    public Settings settings() {
        return settings;
    }

    public ErrorReporter errors() {
        return errors;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public ThemeService themes() {
        return themes;
    }

    public ShellViewModel shell() {
        return shell;
    }

    @Override
    public void close() {
        tasks.close();
    }
}
