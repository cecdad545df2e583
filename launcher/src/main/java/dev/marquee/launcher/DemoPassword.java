package dev.marquee.launcher;

import java.net.URI;
import java.security.SecureRandom;

import dev.marquee.orderapi.account.DemoAccounts;

/** The demo accounts' password for one {@code ./marquee run}, and how the ready banner says to sign in. */
final class DemoPassword {

    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

    private DemoPassword() {
    }

    /** Four groups of four, e.g. {@code k7qm-x2dp-9hta-wr4e}: about 78 bits, easy to copy. */
    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(i > 0 && i % 4 == 0 ? "-" : "").append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return password.toString();
    }

    static String banner(String password, int orderApiPort, URI simulator) {
        String api = "http://127.0.0.1:" + orderApiPort;
        return """
                Demo accounts (password %1$s):
                  administrator %2$s | staff of merchant %3$d %4$s | customers %5$s, %6$s
                  sign in:  ./marquee login --url %7$s --phone %2$s
                       or:  curl -s %7$s/api/auth/sign-in -H 'Content-Type: application/json' -d '{"phone":"%5$s","password":"%1$s"}'
                  SMS codes sent by the demo (its SMS gateway is the simulator): %8$s/sms/messages?phone=%%2B8613900000003

                """.formatted(password, DemoAccounts.ADMIN, DemoAccounts.DEMO_MERCHANT, DemoAccounts.STAFF,
                DemoAccounts.CUSTOMER, DemoAccounts.SECOND_CUSTOMER, api,
                simulator.toString().replaceAll("/$", ""));
    }
}
