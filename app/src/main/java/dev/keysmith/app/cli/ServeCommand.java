package dev.keysmith.app.cli;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.KeysmithEngine;
import dev.keysmith.engine.wire.WireConfig;
import dev.keysmith.engine.wire.WireServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code keysmith serve}: runs the engine with DynamoDB's wire protocol on a local port, so the AWS CLI and SDKs work
 * against it through their endpoint-URL setting. Stops cleanly on Ctrl-C.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the engine over DynamoDB's HTTP protocol (binds to 127.0.0.1 unless told otherwise).")
public final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            defaultValue = "8000",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String bind;

    @ArgGroup(exclusive = true)
    @Nullable
    Storage storage;

    static final class Storage {
        @Option(
                names = "--data",
                paramLabel = "DIR",
                description = "Data directory (default: the per-user data folder).")
        @Nullable
        Path data;

        @Option(names = "--in-memory", description = "Keep everything in memory; nothing is written to disk.")
        boolean inMemory;
    }

    @Option(
            names = "--require-signature",
            paramLabel = "KEY:SECRET",
            description = "Accept only requests signed (SigV4) with one of these access keys; repeatable."
                    + " Without it, any credentials are accepted, as DynamoDB Local does.")
    List<String> credentials = List.of();

    @Option(names = "--durable", description = "fsync every commit (survives power loss, not only a crash).")
    boolean durable;

    @Spec
    @Nullable
    CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A running server and its engine; closing stops both. */
    public record Running(KeysmithEngine engine, WireServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            engine.close();
        }
    }

    /** Opens the engine and starts the endpoint as configured by the options. */
    public Running start() throws IOException {
        EngineConfig config;
        if (storage != null && storage.inMemory) {
            config = EngineConfig.inMemory();
        } else {
            Path dir = storage != null && storage.data != null ? storage.data : EngineConfig.defaultDataDir();
            config = EngineConfig.onDisk(dir);
        }
        config = config.withDurableWrites(durable);
        KeysmithEngine engine = KeysmithEngine.open(config);
        try {
            WireServer server = WireServer.start(engine, engine.streams(), wireConfig());
            return new Running(engine, server);
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private WireConfig wireConfig() {
        Map<String, String> keys = null;
        if (!credentials.isEmpty()) {
            keys = new LinkedHashMap<>();
            for (String c : credentials) {
                int colon = c.indexOf(':');
                if (colon <= 0 || colon == c.length() - 1) {
                    throw new ParameterException(
                            spec.commandLine(), "--require-signature takes KEY:SECRET, got '" + c + "'");
                }
                keys.put(c.substring(0, colon), c.substring(colon + 1));
            }
        }
        return new WireConfig(bind, port, keys, EngineConfig.DEFAULT_REGION);
    }

    @Override
    public Integer call() throws Exception {
        Running running = start();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Keysmith is serving DynamoDB at " + running.server().endpoint());
        out.println("Data: "
                + (running.engine().config().dataDir() == null
                        ? "in memory"
                        : running.engine().config().dataDir().toString()));
        out.println("Try: aws dynamodb list-tables --endpoint-url "
                + running.server().endpoint());
        out.println("Press Ctrl-C to stop.");
        out.flush();
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            running.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }
}
