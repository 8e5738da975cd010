package dev.keysmith.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to open a {@link KeysmithEngine}.
 *
 * @param dataDir the database folder, or null for an in-memory database that vanishes on close
 * @param sweepInterval how often expired items are deleted and old stream records trimmed
 * @param durableWrites force every commit to the disk ({@code fsync}); without it a commit is still written to the
 *     operating system before the call returns, which survives the death of the process but not a power cut
 * @param region the region shown in ARNs and endpoints
 * @param accountId the account shown in ARNs
 * @param clock the source of creation and update times (and of token refills under throughput emulation)
 * @param throughputEmulation enforce provisioned tables' and GSIs' read and write capacity, with DynamoDB's 300-second
 *     burst allowance, answering ProvisionedThroughputExceededException beyond it (off by default)
 */
public record EngineConfig(
        @Nullable Path dataDir,
        boolean durableWrites,
        String region,
        String accountId,
        Clock clock,
        Duration sweepInterval,
        boolean throughputEmulation) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    /** How often expired items are deleted and old stream records trimmed: about a minute, as the issue asks. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);

    public static EngineConfig inMemory() {
        return new EngineConfig(
                null, false, DEFAULT_REGION, DEFAULT_ACCOUNT, Clock.systemUTC(), DEFAULT_SWEEP_INTERVAL, false);
    }

    public static EngineConfig onDisk(Path dir) {
        return new EngineConfig(
                dir, false, DEFAULT_REGION, DEFAULT_ACCOUNT, Clock.systemUTC(), DEFAULT_SWEEP_INTERVAL, false);
    }

    public EngineConfig withDurableWrites(boolean durable) {
        return new EngineConfig(dataDir, durable, region, accountId, clock, sweepInterval, throughputEmulation);
    }

    /** Sweeps for expired items and old stream records every {@code interval}. */
    public EngineConfig withSweepInterval(Duration interval) {
        return new EngineConfig(dataDir, durableWrites, region, accountId, clock, interval, throughputEmulation);
    }

    public EngineConfig withClock(Clock newClock) {
        return new EngineConfig(
                dataDir, durableWrites, region, accountId, newClock, sweepInterval, throughputEmulation);
    }

    public EngineConfig withRegion(String newRegion) {
        return new EngineConfig(
                dataDir, durableWrites, newRegion, accountId, clock, sweepInterval, throughputEmulation);
    }

    /**
     * Enforces provisioned throughput (opt-in): each provisioned table and GSI gets a token bucket refilled at its
     * provisioned rate and holding up to 300 seconds of it (DynamoDB's burst capacity); requests beyond it fail with
     * ProvisionedThroughputExceededException, or come back as unprocessed items in batches. On-demand tables are never
     * throttled.
     */
    public EngineConfig withThroughputEmulation(boolean enabled) {
        return new EngineConfig(dataDir, durableWrites, region, accountId, clock, sweepInterval, enabled);
    }

    /**
     * The per-user application-data folder: {@code $XDG_DATA_HOME/keysmith} or {@code ~/.local/share/keysmith} on
     * Linux, {@code %LOCALAPPDATA%\Keysmith\data} on Windows, {@code ~/Library/Application Support/Keysmith/data} on
     * macOS.
     */
    public static Path defaultDataDir() {
        return defaultDataDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    static Path defaultDataDir(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local == null || local.isBlank() ? Path.of(home, "AppData", "Local") : Path.of(local);
            return base.resolve("Keysmith").resolve("data");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Keysmith", "data");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(home, ".local", "share") : Path.of(xdg);
        return base.resolve("keysmith");
    }
}
