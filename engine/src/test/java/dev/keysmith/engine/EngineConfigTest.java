package dev.keysmith.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertEquals(
                Path.of("/data/keysmith"),
                EngineConfig.defaultDataDir("Linux", Map.of("XDG_DATA_HOME", "/data"), "/home/u"));
        assertEquals(
                Path.of("/home/u/.local/share/keysmith"), EngineConfig.defaultDataDir("Linux", Map.of(), "/home/u"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertEquals(
                Path.of("C:/Users/u/AppData/Local", "Keysmith", "data"),
                EngineConfig.defaultDataDir(
                        "Windows 11", Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"), "C:/Users/u"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(
                Path.of("/Users/u/Library/Application Support/Keysmith/data"),
                EngineConfig.defaultDataDir("Mac OS X", Map.of(), "/Users/u"));
    }

    @Test
    void defaultsAreInMemoryUsEast1AndTheZeroAccount() {
        EngineConfig config = EngineConfig.inMemory();
        assertNull(config.dataDir());
        assertFalse(config.durableWrites());
        assertEquals("us-east-1", config.region());
        assertEquals("000000000000", config.accountId());
    }
}
