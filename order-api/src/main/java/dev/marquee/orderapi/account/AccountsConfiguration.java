package dev.marquee.orderapi.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.marquee.orderapi.account.sms.SmsCodes;
import dev.marquee.orderapi.persistence.RetentionPurge;
import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.Revocations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts ({@link AccountProperties}); SMS codes under {@code marquee.accounts.sms.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccountProperties.class, DemoProperties.class})
class AccountsConfiguration {

    static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    /**
     * Argon2id (Spring Security's 5.8 parameters: 16 MiB, 2 passes, 1 lane) for new hashes; bcrypt hashes are still
     * checked, so the choice can change without resetting anyone's password. Measured on this 2-core machine, one
     * check costs Argon2id 27 ms and bcrypt 66 ms at strength 10 (262 ms at 12): Argon2id is the cheaper of the two
     * per sign-in here and, being memory-hard, the dearer for anyone guessing with GPUs.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    Passwords passwords(PasswordEncoder encoder) {
        return new Passwords(encoder);
    }

    @Bean
    PasswordPolicy passwordPolicy(AccountProperties properties) {
        return new PasswordPolicy(properties.password().minLength());
    }

    @Bean
    AccountStore accountStore(JdbcClient jdbc) {
        return new AccountStore(jdbc);
    }

    @Bean
    RefreshTokenStore refreshTokenStore(JdbcClient jdbc) {
        return new RefreshTokenStore(jdbc);
    }

    @Bean
    Sessions sessions(ObjectProvider<AccessTokens> accessTokens, ObjectProvider<Revocations> revocations,
                      RefreshTokenStore store, AccountStore accounts, TransactionTemplate transactions, Clock clock,
                      AccountProperties properties) {
        return new Sessions(accessTokens, revocations, store, accounts, transactions, clock,
                properties.refreshTokenTtl());
    }

    @Bean
    SignIn signIn(AccountStore accounts, Passwords passwords, SmsCodes smsCodes, Sessions sessions, Clock clock) {
        return new SignIn(accounts, passwords, smsCodes, sessions, clock);
    }

    @Bean
    Registration registration(AccountStore accounts, Passwords passwords, PasswordPolicy policy, SmsCodes smsCodes,
                              Sessions sessions, Clock clock) {
        return new Registration(accounts, passwords, policy, smsCodes, sessions, clock);
    }

    @Bean
    PasswordChange passwordChange(AccountStore accounts, Passwords passwords, PasswordPolicy policy,
                                  Sessions sessions) {
        return new PasswordChange(accounts, passwords, policy, sessions);
    }

    @Bean
    Accounts accounts(AccountStore accounts, Passwords passwords, PasswordPolicy policy, Sessions sessions,
                      Clock clock) {
        return new Accounts(accounts, passwords, policy, sessions, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "marquee.demo.accounts", havingValue = "true")
    DemoAccounts demoAccounts(AccountStore accounts, Passwords passwords,
                              DemoProperties demo, Clock clock) {
        return new DemoAccounts(accounts, passwords, demo.password(), clock);
    }

    @Bean
    RefreshTokenPurge refreshTokenPurge(JdbcClient jdbc, Clock clock, AccountProperties properties) {
        return new RefreshTokenPurge(new RetentionPurge(jdbc, clock, "refresh_token", "expires_at", Duration.ofDays(1),
                1000), properties.refreshPurgeInterval());
    }

    /** Refresh tokens are deleted a day after they expired (used or not: a used one past its expiry proves nothing). */
    static final class RefreshTokenPurge implements SchedulingConfigurer {

        private final RetentionPurge purge;
        private final Duration interval;

        RefreshTokenPurge(RetentionPurge purge, Duration interval) {
            this.purge = purge;
            this.interval = interval;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar tasks) {
            tasks.addFixedDelayTask(new FixedDelayTask(this::purge, interval, Duration.ofMinutes(1)));
        }

        void purge() {
            purge.purge();
        }
    }
}
