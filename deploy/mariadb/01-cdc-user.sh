# Sourced by the MariaDB image on its first start (an empty volume): the least-privilege user Debezium reads the
# binlog with, the same grants the embedded stack gives it, its name and password from the environment
# (MARQUEE_CDC_USER, MARQUEE_CDC_PASSWORD: docker-compose.yml passes order-api the same two).
# On a volume initialised before, change the password with ALTER USER as well as in the environment.
if [ -z "${MARQUEE_CDC_PASSWORD:-}" ]; then
  echo "01-cdc-user.sh: MARQUEE_CDC_PASSWORD is not set" >&2
  exit 1
fi
cdc_user="${MARQUEE_CDC_USER:-marquee_cdc}"
cdc_password="${MARQUEE_CDC_PASSWORD//\\/\\\\}"
cdc_password="${cdc_password//\'/\\\'}"
docker_process_sql --database=mysql <<-EOSQL
	CREATE USER IF NOT EXISTS '${cdc_user}'@'%' IDENTIFIED BY '${cdc_password}';
	GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, BINLOG MONITOR ON *.* TO '${cdc_user}'@'%';
	FLUSH PRIVILEGES;
EOSQL
