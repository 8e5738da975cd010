package dev.keysmith.app.theme;

import dev.keysmith.app.settings.Settings;
import java.util.Arrays;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Applies an {@link AppTheme} to the whole application and remembers the choice in the {@link Settings}. */
public final class ThemeService {
    static final String SETTINGS_KEY = "theme";

    private final Settings settings;
    private final ReadOnlyObjectWrapper<AppTheme> theme;

    public ThemeService(Settings settings) {
        this.settings = settings;
        this.theme = new ReadOnlyObjectWrapper<>(savedTheme(settings));
    }

    private static AppTheme savedTheme(Settings settings) {
        return settings.get(SETTINGS_KEY)
                .flatMap(name -> Arrays.stream(AppTheme.values())
                        .filter(candidate -> candidate.name().equals(name))
                        .findFirst())
                .orElse(AppTheme.DEFAULT);
    }

    /** The theme in use (or, before {@link #applyCurrent()}, the one that will be used). */
    public ReadOnlyObjectProperty<AppTheme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** Applies the remembered theme; call once on the FX thread before the first window is shown. */
    public void applyCurrent() {
        Application.setUserAgentStylesheet(theme.get().stylesheet());
    }

    /** Switches every window to {@code newTheme} and remembers it for the next run. Call on the FX thread. */
    public void apply(AppTheme newTheme) {
        theme.set(newTheme);
        applyCurrent();
        settings.put(SETTINGS_KEY, newTheme.name());
    }
}
