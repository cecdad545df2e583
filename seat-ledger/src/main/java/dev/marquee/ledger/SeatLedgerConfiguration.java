package dev.marquee.ledger;

import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a service needs to write seats: the lock, the fence and the ledger, its tables migrated first. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HallLockProperties.class)
public class SeatLedgerConfiguration {

    @Bean
    SeatLedger seatLedger(DataSource dataSource) {
        SeatLedgerSchema.migrate(dataSource);
        return new SeatLedger(new JdbcTemplate(dataSource));
    }

    @Bean
    Holds holds(DataSource dataSource, SeatLedger ledger) {
        return new Holds(new JdbcTemplate(dataSource));
    }

    @Bean
    HallFence hallFence(DataSource dataSource, SeatLedger ledger) {
        return new HallFence(JdbcClient.create(dataSource));
    }

    @Bean
    HallLock hallLock(RedissonClient redisson, HallLockProperties properties, ObjectProvider<MeterRegistry> meters) {
        Duration wait = properties.getWait();
        Duration lease = properties.getLease();
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) {
            return new HallLock(redisson, wait, lease);
        }
        Timer acquired = lockWait(registry, true);
        Timer missed = lockWait(registry, false);
        return new HallLock(redisson, wait, lease, (waited, got) -> (got ? acquired : missed).record(waited));
    }

    /** {@code marquee.hall.lock.wait{acquired=true|false}}: how long this service waited for hall locks. */
    private static Timer lockWait(MeterRegistry registry, boolean acquired) {
        return Timer.builder("marquee.hall.lock.wait").tag("acquired", Boolean.toString(acquired))
                .description("waiting for a hall's lock").publishPercentileHistogram().register(registry);
    }
}
