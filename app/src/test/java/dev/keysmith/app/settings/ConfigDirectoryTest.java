package dev.keysmith.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Computes folders from made-up properties and environments; nothing here reads or writes the real user folders. */
class ConfigDirectoryTest {
    private final Map<String, String> properties = new HashMap<>(Map.of("user.home", "/home/ada"));
    private final Map<String, String> environment = new HashMap<>();

    private Path resolve() {
        return ConfigDirectory.resolve(properties::get, environment::get);
    }

    @Test
    void linux_usesXdgConfigHome_whenSet() {
        properties.put("os.name", "Linux");
        environment.put("XDG_CONFIG_HOME", "/home/ada/.cfg");

        assertEquals(Path.of("/home/ada/.cfg/keysmith"), resolve());
    }

    @Test
    void linux_usesDotConfig_whenXdgConfigHomeIsUnsetOrRelative() {
        properties.put("os.name", "Linux");
        assertEquals(Path.of("/home/ada/.config/keysmith"), resolve());

        environment.put("XDG_CONFIG_HOME", "relative/config");
        assertEquals(Path.of("/home/ada/.config/keysmith"), resolve());
    }

    @Test
    void windows_usesAppData() {
        properties.put("os.name", "Windows 11");
        environment.put("APPDATA", "/users/ada/AppData/Roaming");

        assertEquals(Path.of("/users/ada/AppData/Roaming", "Keysmith"), resolve());
    }

    @Test
    void windows_fallsBackToRoamingUnderTheHomeFolder_whenAppDataIsUnset() {
        properties.put("os.name", "Windows 10");

        assertEquals(Path.of("/home/ada", "AppData", "Roaming", "Keysmith"), resolve());
    }

    @Test
    void macOs_usesApplicationSupport() {
        properties.put("os.name", "Mac OS X");

        assertEquals(Path.of("/home/ada/Library/Application Support/Keysmith"), resolve());
    }

    @Test
    void overrideProperty_winsOnEverySystem() {
        properties.put("os.name", "Linux");
        environment.put("XDG_CONFIG_HOME", "/home/ada/.cfg");
        properties.put(ConfigDirectory.OVERRIDE_PROPERTY, "/tmp/keysmith-test");

        assertEquals(Path.of("/tmp/keysmith-test"), resolve());
    }
}
