package dev.keysmith.engine.differential;

import com.almworks.sqlite4java.SQLite;
import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Starts DynamoDB Local 2.6.1 in-process, after pointing sqlite4java at its native library from the local repository. */
final class DynamoDbLocal {
    private DynamoDbLocal() {}

    /** The embedded DynamoDB Local, or {@code null} when this platform has no sqlite4java native library. */
    static @Nullable AmazonDynamoDBLocal start() throws IOException {
        Path natives = nativesDir();
        if (natives == null) {
            return null;
        }
        System.setProperty("sqlite4java.library.path", natives.toString());
        return DynamoDBEmbedded.create(true);
    }

    private static @Nullable Path nativesDir() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String artifact = os.contains("win")
                ? "sqlite4java-win32-x64"
                : os.contains("mac") ? "libsqlite4java-osx" : "libsqlite4java-linux-amd64";
        String extension = os.contains("win") ? ".dll" : os.contains("mac") ? ".dylib" : ".so";
        Path jar;
        try {
            jar = Path.of(SQLite.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            return null;
        }
        Path versionDir = jar.getParent();
        String version = versionDir.getFileName().toString();
        Path library = versionDir
                .getParent()
                .getParent()
                .resolve(artifact)
                .resolve(version)
                .resolve(artifact + "-" + version + extension);
        if (!Files.isRegularFile(library)) {
            return null;
        }
        Path dir = Files.createTempDirectory("sqlite4java");
        Path target = dir.resolve(artifact + extension);
        Files.copy(library, target, StandardCopyOption.REPLACE_EXISTING);
        dir.toFile().deleteOnExit();
        target.toFile().deleteOnExit();
        return dir;
    }
}
