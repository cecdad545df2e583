package dev.marquee.launcher;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code marquee service NAME}: one service against real servers, as each container of docker-compose runs it. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = {"Runs one service against the servers its configuration names (environment variables",
                "such as SPRING_DATASOURCE_URL, SPRING_KAFKA_BOOTSTRAP_SERVERS, SPRING_DATA_REDIS_HOST,",
                "MARQUEE_SCHEMA_REGISTRY_URL; see docker-compose.yml). Extra --key=value arguments are",
                "passed to Spring Boot."})
final class ServiceCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "order-api, outbox-relay, seat-allocator, payment-listener, expiry-worker or box-office")
    String name;

    @Unmatched
    String[] springArguments = new String[0];

    @Override
    public Integer call() {
        Service.byId(name).application().run(springArguments);
        return 0;
    }
}
