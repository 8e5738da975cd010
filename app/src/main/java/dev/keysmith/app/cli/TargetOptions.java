package dev.keysmith.app.cli;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.modeler.engine.Materializer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Where {@code materialize} and {@code patterns} work: a DynamoDB endpoint or an embedded engine's data folder. */
final class TargetOptions {

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "A DynamoDB endpoint: Keysmith serve, DynamoDB Local or AWS (default credentials chain).")
    @Nullable
    URI endpoint;

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder of an embedded Keysmith engine.")
    @Nullable
    Path data;

    /** An open target; closing it closes the engine or the client. */
    record Opened(DynamoDbClient client, boolean fresh) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    /** Refuses an endpoint that is not an http(s) URL with a host (picocli takes {@code localhost:8000} as a URI). */
    void check() throws CliFailure {
        if (endpoint != null) {
            String scheme = endpoint.getScheme();
            if (endpoint.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                throw new CliFailure(
                        "--endpoint takes an http or https URL such as http://localhost:8000, got " + endpoint);
            }
        }
    }

    /** Opens the target; {@code fresh} is true for a data folder that did not exist or was empty. */
    Opened open(@Nullable String profile) throws IOException, CliFailure {
        check();
        if (endpoint != null) {
            return new Opened(Materializer.client(endpoint, profile), false);
        }
        boolean fresh = !Files.isDirectory(data) || isEmpty(data);
        return new Opened(KeysmithEngine.open(EngineConfig.onDisk(data)), fresh);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
