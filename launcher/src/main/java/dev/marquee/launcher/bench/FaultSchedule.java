package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import dev.marquee.schemas.Topics;
import dev.marquee.stack.EmbeddedStack;
import org.apache.kafka.common.TopicPartition;

/**
 * The chaos bench's faults, in order: kill -9 and restart of the busy allocator, payment-listener, expiry-worker
 * and the leading outbox-relay; SIGSTOP of the busy allocator past its lock lease; restarts of Redis, the Kafka
 * broker and MariaDB in place.
 */
final class FaultSchedule {

    private static final Pattern LEADER = Pattern.compile("(?m)^marquee_outbox_relay_leader(\\{[^}]*})? 1\\.0");

    private final ChaosPlan plan;
    private final EmbeddedStack stack;
    private final ServiceFleet fleet;
    private final GroupProbe groups;
    private final PrintStream out;

    FaultSchedule(ChaosPlan plan, EmbeddedStack stack, ServiceFleet fleet, GroupProbe groups, PrintStream out) {
        this.plan = plan;
        this.stack = stack;
        this.fleet = fleet;
        this.groups = groups;
        this.out = out;
    }

    List<Fault> faults(DecisionClock clock) {
        return List.of(
                new Fault("seat-allocator kill -9", hit -> restart(busyAllocator(clock), hit)),
                new Fault("payment-listener kill -9", hit -> restart(fleet.instance("payment-listener-1"), hit)),
                new Fault("expiry-worker kill -9", hit -> restart(fleet.instance("expiry-worker-1"), hit)),
                new Fault("outbox-relay kill -9 (leader)", hit -> restart(relayLeader(), hit)),
                new Fault("seat-allocator SIGSTOP " + (plan.lease().toSeconds() + 3) + " s", hit -> {
                    ServiceProcess allocator = busyAllocator(clock);
                    allocator.pause();
                    hit.run();
                    Thread.sleep(plan.lease().plusSeconds(3));
                    allocator.resume();
                    return allocator;
                }),
                new Fault("Redis restart", hit -> {
                    hit.run();
                    stack.restartRedis();
                    return null;
                }),
                new Fault("Kafka restart", hit -> {
                    hit.run();
                    stack.restartKafka();
                    return null;
                }),
                new Fault("MariaDB restart", hit -> {
                    hit.run();
                    stack.restartMariaDb();
                    return null;
                }));
    }

    private ServiceProcess restart(ServiceProcess process, Runnable hit) throws InterruptedException {
        out.printf("bench:   %s (pid %d)%n", process.instance(), process.pid());
        process.kill();
        hit.run();
        process.start();
        return process;
    }

    /** The allocator that owns the flash sale's hall: killing it stalls the sale until someone takes over. */
    private ServiceProcess busyAllocator(DecisionClock clock) throws Exception {
        Integer partition = clock.partitionOfHall(ChaosRun.FLASH_HALL);
        String owner = partition == null ? "" : groups.ownerOf("seat-allocator",
                new TopicPartition(Topics.ORDER_REQUESTS, partition)).orElse("");
        ServiceProcess allocator = fleet.instance(owner.startsWith("seat-allocator-2") ? "seat-allocator-2" : "seat-allocator-1");
        out.printf("bench:   hall %d's requests go to partition %s, consumed by %s%n", ChaosRun.FLASH_HALL, partition,
                owner.isEmpty() ? "(unknown)" : owner);
        return allocator;
    }

    /** The outbox-relay instance relaying the outbox (its gauge says 1): killing it hands the relay over. */
    private ServiceProcess relayLeader() {
        HttpClient http = HttpClient.newHttpClient();
        for (String name : List.of("outbox-relay-1", "outbox-relay-2")) {
            ServiceProcess instance = fleet.instance(name);
            try {
                // metrics are an operator's to read
                String metrics = http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + new BenchCustomers(stack).operator())
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (LEADER.matcher(metrics).find()) {
                    return instance;
                }
            } catch (Exception e) {
                // not answering: not the one to pick
            }
        }
        return fleet.instance("outbox-relay-1");
    }
}
