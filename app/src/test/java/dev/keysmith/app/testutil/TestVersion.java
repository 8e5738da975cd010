package dev.keysmith.app.testutil;

/** The project version Maven passes to the tests, to check what the app prints against the build, not itself. */
public final class TestVersion {
    private TestVersion() {}

    public static String expected() {
        String version = System.getProperty("keysmith.test.expectedVersion");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("Run the tests with -Dkeysmith.test.expectedVersion=<project version>"
                    + " (Maven's surefire configuration in app/pom.xml sets it)");
        }
        return version;
    }
}
