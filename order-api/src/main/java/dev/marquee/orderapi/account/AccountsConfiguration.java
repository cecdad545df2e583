package dev.marquee.orderapi.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.marquee.orderapi.account.sms.SmsCodes;
import dev.marquee.orderapi.persistence.RetentionPurge;
import dev.marquee.support.security.AccessTokens;
import dev.marquee.support.security.Revocations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts: {@code marquee.accounts.password.min-length} (default 10), {@code marquee.accounts.refresh-token-ttl}
 * (default 30d); SMS codes under {@code marquee.accounts.sms.*}.
 */
@Configuration(proxyBeanMethods = false)
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
    PasswordPolicy passwordPolicy(@Value("${marquee.accounts.password.min-length:10}") int minLength) {
        return new PasswordPolicy(minLength);
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
                      @Value("${marquee.accounts.refresh-token-ttl:30d}") Duration refreshTtl) {
        return new Sessions(accessTokens, revocations, store, accounts, transactions, clock, refreshTtl);
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
                              @Value("${marquee.demo.password:}") String password, Clock clock) {
        return new DemoAccounts(accounts, passwords, password, clock);
    }

    @Bean
    RefreshTokenPurge refreshTokenPurge(JdbcClient jdbc, Clock clock) {
        return new RefreshTokenPurge(new RetentionPurge(jdbc, clock, "refresh_token", "expires_at", Duration.ofDays(1),
                1000));
    }

    /** Refresh tokens are deleted a day after they expired (used or not: a used one past its expiry proves nothing). */
    static final class RefreshTokenPurge {

        private final RetentionPurge purge;

        RefreshTokenPurge(RetentionPurge purge) {
            this.purge = purge;
        }

        @Scheduled(fixedDelayString = "${marquee.accounts.refresh-purge-interval:1h}", initialDelayString = "1m")
        void purge() {
            purge.purge();
        }
    }
}
