package dev.marquee.orderapi.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marquee.demo.*}: the demo's accounts ({@code ./marquee run} turns them on).
 *
 * @param accounts create the demo's accounts at start
 * @param password the demo accounts' password
 */
@ConfigurationProperties("marquee.demo")
record DemoProperties(@DefaultValue("false") boolean accounts, @DefaultValue("") String password) {
}
