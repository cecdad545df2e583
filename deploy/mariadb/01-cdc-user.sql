-- The least-privilege user Debezium reads the binlog with (the same grants the embedded stack gives it).
-- The password here is the compose default; production sets its own through MARIADB_CDC_PASSWORD-style secrets.
CREATE USER IF NOT EXISTS 'marquee_cdc'@'%' IDENTIFIED BY 'marquee_cdc';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, BINLOG MONITOR ON *.* TO 'marquee_cdc'@'%';
FLUSH PRIVILEGES;
