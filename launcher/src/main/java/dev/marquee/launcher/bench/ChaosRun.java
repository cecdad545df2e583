package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marquee.gateway.simulator.GatewaySimulator;
import dev.marquee.stack.EmbeddedStack;

/**
 * One chaos run: a flash sale and payments flow through the services while the faults are injected one after the
 * other, each once the previous one's halls decide again; then the load stops, the pipeline drains and the books
 * are checked.
 */
final class ChaosRun {

    static final long FLASH_SCREENING = 1;
    static final long FLASH_HALL = 1;
    static final long PAYING_HALL = 2;
    private static final List<String> GROUPS = List.of("seat-allocator", "order-api", "payment-listener");

    private final ChaosPlan plan;
    private final EmbeddedStack stack;
    private final ServiceFleet fleet;
    private final GatewaySimulator gateway;
    private final PrintStream out;
    private final GroupProbe groups;

    ChaosRun(ChaosPlan plan, EmbeddedStack stack, ServiceFleet fleet, GatewaySimulator gateway, PrintStream out) {
        this.plan = plan;
        this.stack = stack;
        this.fleet = fleet;
        this.gateway = gateway;
        this.out = out;
        this.groups = new GroupProbe(stack.kafkaBootstrapServers());
    }

    ChaosReport run() throws Exception {
        String api = fleet.orderApiUrls().getFirst();
        int expected = (int) (plan.rate() * 900);
        HallRows hall = new ScreeningLedger(stack, FLASH_SCREENING).hall();
        List<String> flash = AttemptPlan.orders(ChaosLedger.FAN_PREFIX, hall, FLASH_SCREENING, expected, plan.maxSeats(),
                plan.seed());
        List<String> paying = new BenchClients(stack, api, 1, 0, out).orderBodies(expected / 4 + 1,
                ChaosLedger.PAYER_PREFIX, 900_000);
        BenchCustomers customers = new BenchCustomers(stack);
        List<String> flashTokens = customers.tokens(ChaosLedger.FAN_PREFIX, flash.size(), out);
        List<String> payingTokens = customers.tokens(ChaosLedger.PAYER_PREFIX, paying.size(), out);
        Instant began = Instant.now();
        List<FaultFigures> figures = new ArrayList<>();
        ChaosLoad load;
        try (DecisionClock clock = new DecisionClock(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
             EdgeBalancer edge = new EdgeBalancer(fleet.orderApiUrls());
             ChaosPayments payments = new ChaosPayments(edge, gateway, plan.duplicates(), plan.seed())) {
            load = new ChaosLoad(edge, flash, flashTokens, FLASH_HALL, paying, payingTokens, PAYING_HALL, plan.rate(),
                    plan.clients(), payments::pay);
            load.start();
            out.printf("bench: load of %.0f orders/s on (flash sale on screening %d, one in four paid); baseline %d s%n",
                    plan.rate(), FLASH_SCREENING, plan.baseline().toSeconds());
            Thread.sleep(plan.baseline());
            List<long[]> times = new ArrayList<>();
            List<Fault> faults = new FaultSchedule(plan, stack, fleet, groups, out).faults(clock);
            for (Fault fault : faults) {
                times.add(inject(fault, load, clock));
            }
            load.stop();
            out.printf("bench: load stopped: %d orders accepted, %d refused %s, %d failed at the edge; %d paid, %d left unpaid%n",
                    load.placed().size(), load.refused(), load.refusals(), load.failed(), payments.paid(), payments.unpaid());
            for (int i = 0; i < faults.size(); i++) {
                long start = times.get(i)[0];
                long window = Math.min(plan.window().toNanos(),
                        i + 1 < faults.size() ? times.get(i + 1)[0] - start : Long.MAX_VALUE);
                figures.add(FaultFigures.of(faults.get(i).name(), start, times.get(i)[1], window, load.placed(),
                        clock.decidedNanos()));
            }
        }
        Set<String> accepted = new HashSet<>();
        load.placed().forEach(p -> accepted.add(p.orderId()));
        SeatBooks.Findings books = drain(accepted);
        gateway.awaitQuiet(Duration.ofSeconds(10));
        PaymentsReport.Invariants money = new PaymentLedger(stack).invariants(gateway, began, api);
        long stalled = stalledPartitions();
        return new ChaosReport(load.placed().size(), load.refused(), load.failed(), figures, books, money, stalled);
    }

    /** Injects the fault, waits until every loaded hall decides again and the victim is ready, then lets it settle. */
    private long[] inject(Fault fault, ChaosLoad load, DecisionClock clock) throws Exception {
        out.printf("bench: fault: %s%n", fault.name());
        long[] hit = {System.nanoTime()};
        ServiceProcess victim = fault.injection().inject(() -> hit[0] = System.nanoTime());
        long start = hit[0];
        long injected = System.nanoTime();
        long deadline = start + plan.faultTimeout().toNanos();
        FaultFigures now;
        do {
            Thread.sleep(500);
            now = FaultFigures.of(fault.name(), start, injected, Long.MAX_VALUE, load.placed(), clock.decidedNanos());
        } while ((now.allHallsSeconds() < 0 || victim != null && !victim.ready()) && System.nanoTime() < deadline);
        out.printf("bench:   in effect for %.1f s; decisions again after %.1f s (every hall: %.1f s)%s%n",
                now.actionSeconds(), now.recoverySeconds(), now.allHallsSeconds(),
                victim != null && !victim.ready() ? "; " + victim.instance() + " NOT ready" : "");
        Thread.sleep(plan.window());
        return new long[] {start, injected};
    }

    /** Waits (up to the drain time) until the books agree: in-flight events applied, lapsed holds released. */
    private SeatBooks.Findings drain(Set<String> accepted) throws Exception {
        out.printf("bench: draining (up to %d s) until every accepted order is decided and the books agree%n",
                plan.drain().toSeconds());
        long deadline = System.nanoTime() + plan.drain().toNanos();
        ChaosLedger ledger = new ChaosLedger(stack);
        SeatBooks.Findings findings = ledger.check(accepted);
        while (!findings.ok() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            findings = ledger.check(accepted);
        }
        return findings;
    }

    /** Partitions a service's group still lags on after 30 s without load: records it does not get past. */
    private long stalledPartitions() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Long> lagging = new LinkedHashMap<>();
        do {
            lagging.clear();
            for (String group : GROUPS) {
                groups.lag(group).forEach((tp, lag) -> {
                    if (lag > 0) {
                        lagging.put(group + " " + tp, lag);
                    }
                });
            }
            if (!lagging.isEmpty()) {
                Thread.sleep(1000);
            }
        } while (!lagging.isEmpty() && System.nanoTime() < deadline);
        lagging.forEach((partition, lag) -> out.printf("bench: %s stalled, %d records behind%n", partition, lag));
        groups.close();
        return lagging.size();
    }
}
