package dev.keysmith.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Finds the per-user configuration folder: {@code $XDG_CONFIG_HOME/keysmith} (or {@code ~/.config/keysmith}) on Linux
 * and other Unix systems, {@code %APPDATA%\Keysmith} on Windows, {@code ~/Library/Application Support/Keysmith} on
 * macOS. The system property {@value #OVERRIDE_PROPERTY} replaces all of these (tests point it at a temporary folder).
 */
public final class ConfigDirectory {
    /** System property naming the configuration folder to use instead of the per-user default. */
    public static final String OVERRIDE_PROPERTY = "keysmith.config.dir";

    private ConfigDirectory() {}

    /** The configuration folder for this JVM's user, operating system and system properties. */
    public static Path resolve() {
        return resolve(System::getProperty, System::getenv);
    }

    /**
     * The configuration folder for the given system properties and environment.
     *
     * @param systemProperty looks up a system property ({@code os.name}, {@code user.home}, {@value #OVERRIDE_PROPERTY})
     * @param environment looks up an environment variable ({@code XDG_CONFIG_HOME}, {@code APPDATA})
     */
    static Path resolve(UnaryOperator<@Nullable String> systemProperty, UnaryOperator<@Nullable String> environment) {
        String override = systemProperty.apply(OVERRIDE_PROPERTY);
        if (isSet(override)) {
            return Path.of(override);
        }
        Path home = Path.of(requireSet(systemProperty.apply("user.home"), "user.home"));
        String os = requireSet(systemProperty.apply("os.name"), "os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.apply("APPDATA");
            Path base =
                    isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Keysmith");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Keysmith");
        }
        String xdg = environment.apply("XDG_CONFIG_HOME");
        // The XDG base directory specification says relative values are invalid and must be ignored.
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("keysmith");
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String requireSet(@Nullable String value, String property) {
        if (!isSet(value)) {
            throw new IllegalStateException("The system property " + property + " is not set");
        }
        return value;
    }
}
