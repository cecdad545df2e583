package dev.marquee.launcher.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The figures of one chaos run per fault and its invariant checks; printed for people, then as one line of JSON. */
record ChaosReport(int accepted, long refused, long failed, List<FaultFigures> faults, SeatBooks.Findings books,
                   PaymentsReport.Invariants money, long stalledPartitions) {

    long doubleCharged() {
        return money.chargedTwice();
    }

    boolean ok() {
        return books.ok() && money.chargedTwice() == 0 && money.paidWithoutCharge() == 0
                && money.soldMismatch() == 0 && money.soldShownFree() == 0 && stalledPartitions == 0;
    }

    void print(PrintStream out) throws Exception {
        out.printf("%nchaos: %d orders accepted, %d refused (4xx), %d failed (5xx or no answer) at the edge%n",
                accepted, refused, failed);
        out.printf("%-36s %9s %10s %10s %12s %11s %10s%n", "fault", "lasted", "recovery", "all halls",
                "p99 before", "p99 after", "undecided");
        for (FaultFigures f : faults) {
            out.printf("%-36s %7.1f s %8.1f s %8.1f s %9d ms %8d ms %10d%n", f.fault(), f.actionSeconds(),
                    f.recoverySeconds(), f.allHallsSeconds(), f.p99BeforeMs(), f.p99AfterMs(), f.undecidedAfter());
        }
        out.printf("(lasted: from the fault hitting to its injection's end, e.g. a server's restart; recovery: from the"
                + " fault hitting to the first decision of an order placed after that; all halls: until each hall under"
                + " load had one; p99: decision latency of orders placed in the window before / after the fault)%n");
        out.printf("books: sold %d + held %d + free %d seats; oversold %d, lost orders %d, inconsistent orders %d,"
                        + " capacity mismatches %d%n", books.sold(), books.held(), books.free(), books.oversold(),
                books.lostOrders(), books.inconsistentOrders(), books.capacityMismatches());
        out.printf("money: charged twice %d, paid without charge %d, sold/paid mismatch %d, sold shown free %d;"
                        + " %d refunded, %d retaken%n", money.chargedTwice(), money.paidWithoutCharge(),
                money.soldMismatch(), money.soldShownFree(), money.refunded(), money.retaken());
        out.printf("stalled partitions: %d%ninvariants: %s%n", stalledPartitions, ok() ? "OK" : "FAILED");
        out.println(JsonMapper.builderWithJackson2Defaults().build().writeValueAsString(json()));
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", "chaos");
        json.put("accepted", accepted);
        json.put("oversold", books.oversold());
        json.put("lostOrders", books.lostOrders());
        json.put("doubleCharged", doubleCharged());
        json.put("stalledPartitions", stalledPartitions);
        json.put("inconsistentOrders", books.inconsistentOrders());
        json.put("capacityMismatches", books.capacityMismatches());
        json.put("paidWithoutCharge", money.paidWithoutCharge());
        json.put("soldMismatch", money.soldMismatch());
        Map<String, Object> recovery = new LinkedHashMap<>();
        Map<String, Object> allHalls = new LinkedHashMap<>();
        Map<String, Object> spike = new LinkedHashMap<>();
        for (FaultFigures f : faults) {
            recovery.put(f.fault(), f.recoverySeconds());
            allHalls.put(f.fault(), f.allHallsSeconds());
            spike.put(f.fault(), List.of(f.p99BeforeMs(), f.p99AfterMs()));
        }
        json.put("recoverySeconds", recovery);
        json.put("allHallsRecoverySeconds", allHalls);
        json.put("decisionP99BeforeAfterMs", spike);
        json.put("ok", ok());
        return json;
    }
}
