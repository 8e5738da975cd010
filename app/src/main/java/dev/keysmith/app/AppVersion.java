package dev.keysmith.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, read from {@code version.properties}, which Maven fills in with the project version. */
public final class AppVersion {
    private static final String RESOURCE = "version.properties";

    private AppVersion() {}

    /** Returns the project version this build was made from, for example {@code 0.1.0}. */
    public static String current() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The build did not package " + RESOURCE + " next to AppVersion");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException(RESOURCE + " has no version entry");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
