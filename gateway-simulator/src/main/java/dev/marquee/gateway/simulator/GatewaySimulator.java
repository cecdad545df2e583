package dev.marquee.gateway.simulator;

import com.sun.net.httpserver.HttpServer;
import dev.marquee.gateway.AlipaySigner;
import dev.marquee.gateway.StripeSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A payment gateway for the demo, tests and benchmarks. It takes payments (over HTTP, or {@link #pay} in-process),
 * notifies the merchant the way Alipay or Stripe would, signed and resent until acknowledged, with the faults asked
 * for, and takes refunds.
 *
 * <p>HTTP: {@code GET /{gateway}/pay} (a pay page), {@code POST /{gateway}/pay}, {@code POST /{gateway}/refunds},
 * {@code GET /trades}, {@code GET /refunds}, where gateway is {@code alipay} or {@code stripe}. Errors are
 * {@code application/problem+json} with a {@code code}.
 *
 * <p>It is also the demo's SMS gateway: {@code POST /sms/send} ({@code phone}, {@code text}, as JSON or a form)
 * records a message instead of sending it, {@code GET /sms/messages?phone=+86...} lists what was sent, newest
 * first.
 */
public final class GatewaySimulator implements AutoCloseable {

    private final SimulatorSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CallbackFormat> formats;
    private final TradeLedger ledger = new TradeLedger();
    private final SmsOutbox sms = new SmsOutbox(clock);
    private final ExecutorService httpThreads;
    private final ExecutorService callbackThreads;
    private final ScheduledExecutorService scheduler;
    private final HttpClient client;
    private final Deliveries deliveries;
    private final HttpServer server;

    private GatewaySimulator(SimulatorSettings settings) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(settings.port()), 0);
        this.settings = settings;
        this.httpThreads = Executors.newFixedThreadPool(4, threads("gateway-simulator-http-"));
        this.callbackThreads = Executors.newFixedThreadPool(2, threads("gateway-simulator-callback-"));
        this.scheduler = Executors.newScheduledThreadPool(2, threads("gateway-simulator-resend-"));
        this.formats = Stream.of(new AlipayCallbacks(new AlipaySigner(settings.alipayPrivateKey()),
                                settings.alipayAppId(), settings.alipaySellerId()),
                        new StripeCallbacks(new StripeSigner(settings.stripeWebhookSecret())))
                .collect(Collectors.toUnmodifiableMap(CallbackFormat::gateway, format -> format));
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(callbackThreads).build();
        this.deliveries = new Deliveries(client, callbackThreads, scheduler, settings, clock);
        server.setExecutor(httpThreads);
        SimulatorApi.mount(server, formats.keySet(), settings.defaults(), this::pay, ledger, sms, clock);
        server.start();
    }

    /** Starts listening on the settings' port (0 for any free one). */
    public static GatewaySimulator start(SimulatorSettings settings) {
        try {
            return new GatewaySimulator(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + settings.port(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    /**
     * Takes the payment and schedules its notifications: the notice, its duplicates, and with {@code reorder} a late
     * failure sent once the success notice was delivered.
     *
     * @throws IllegalArgumentException for a gateway other than {@code alipay} or {@code stripe}
     */
    public Trade pay(PayRequest request) {
        CallbackFormat format = formats.get(request.gateway());
        if (format == null) {
            throw new IllegalArgumentException("no gateway " + request.gateway() + "; there are " + formats.keySet());
        }
        Faults faults = request.faults() == null ? settings.defaults() : request.faults();
        Trade trade = new Trade(format.gateway(), format.nextTradeNo(), request.outTradeNo(), request.amountMinor(),
                request.currency(), request.outcome(), clock.instant());
        ledger.record(trade);

        Runnable andThen = () -> { };
        if (faults.reorder() && trade.outcome() == Outcome.SUCCESS) {
            Delivery lateFailure = deliveries.register(format, notice(format, trade, Outcome.FAILED, request, faults),
                    () -> { });
            andThen = () -> deliveries.start(lateFailure, Duration.ZERO);
        }
        Notice notice = notice(format, trade, trade.outcome(), request, faults);
        deliveries.start(deliveries.register(format, notice, andThen), faults.delay());
        for (int copy = 0; copy < faults.duplicates(); copy++) {
            deliveries.start(deliveries.register(format, notice, () -> { }), faults.delay());
        }
        return trade;
    }

    public List<Trade> trades() {
        return ledger.trades();
    }

    public List<Refund> refunds() {
        return ledger.refunds();
    }

    /** The text messages sent to this phone, newest first. */
    public List<SmsMessage> smsSentTo(String phone) {
        return sms.sentTo(phone);
    }

    public DeliveryStats deliveries() {
        return deliveries.stats();
    }

    /** Waits until no delivery is scheduled or in flight; false if the timeout passed first. */
    public boolean awaitQuiet(Duration timeout) {
        try {
            return deliveries.awaitQuiet(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops serving and drops every delivery not yet made. */
    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        client.shutdownNow();
        callbackThreads.shutdownNow();
        httpThreads.shutdownNow();
    }

    private Notice notice(CallbackFormat format, Trade trade, Outcome outcome, PayRequest request, Faults faults) {
        return new Notice(format.nextNotifyId(), trade, outcome, request.notifyUrl(), clock.instant(),
                faults.corruptSignature());
    }

    private static ThreadFactory threads(String prefix) {
        return Thread.ofPlatform().name(prefix, 0).daemon().factory();
    }
}
