package dev.marquee.orderapi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.marquee.orderapi.account.TwoOrderApis.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing up and in on the embedded stack, with the demo accounts; two order-api instances. */
class SignUpAndSignInIT {

    static TwoOrderApis apis;

    @BeforeAll
    static void start() {
        apis = TwoOrderApis.get();
    }

    @BeforeEach
    void withinLimits() {
        apis.resetSmsLimits();
    }

    @Test
    void aCustomerSignsUpWithACodeAndPasswordThenSignsInByPasswordAndBySms() {
        String phone = TwoOrderApis.newPhone();
        Answer registered = apis.register(apis.a, phone, "popcorn at row F");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        long id = ((Number) registered.read("$.accountId")).longValue();

        Answer me = apis.get(apis.b, "/api/account", registered.read("$.accessToken"));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat((String) me.read("$.subject")).isEqualTo(Long.toString(id));
        assertThat((String) me.read("$.role")).isEqualTo("CUSTOMER");
        assertThat((String) me.read("$.permissionsText"))
                .isEqualTo("catalog=r--,screenings=r--,orders=rw-,payments=rw-,box-office=r--");
        assertThat((Integer) me.read("$.permissions")).isPositive();
        assertThat((String) me.read("$.account.phone")).isEqualTo(phone);

        Answer byPassword = apis.signIn(apis.b, phone, "popcorn at row F");
        assertThat(byPassword.status()).as(byPassword.toString()).isEqualTo(200);
        assertThat(((Number) byPassword.read("$.accountId")).longValue()).isEqualTo(id);
        assertThat((String) byPassword.read("$.sessionId")).isNotEqualTo(registered.read("$.sessionId"));

        await().atMost(Duration.ofSeconds(5)).until(() -> apis.post(apis.a, "/api/auth/sms/send",
                "{\"phone\":\"" + phone + "\"}").status() == 202);
        Answer bySms = apis.post(apis.b, "/api/auth/sms/sign-in", "{\"phone\":\"%s\",\"code\":\"%s\"}"
                .formatted(phone, apis.lastCode(phone)));
        assertThat(bySms.status()).as(bySms.toString()).isEqualTo(200);
        assertThat(((Number) bySms.read("$.accountId")).longValue()).isEqualTo(id);
    }

    @Test
    void aFirstSmsSignInOfAPhoneCreatesItsCustomer() {
        String phone = TwoOrderApis.newPhone();
        long before = apis.accounts();
        assertThat(apis.post(apis.a, "/api/auth/sms/send", "{\"phone\":\"" + phone + "\"}").status()).isEqualTo(202);
        Answer signedIn = apis.post(apis.a, "/api/auth/sms/sign-in", "{\"phone\":\"%s\",\"code\":\"%s\"}"
                .formatted(phone, apis.lastCode(phone)));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat((String) signedIn.read("$.role")).isEqualTo("CUSTOMER");
        assertThat(apis.accounts()).isEqualTo(before + 1);
        // no password yet: signing in by password is refused like any wrong password
        assertThat(apis.signIn(apis.a, phone, "").code()).isEqualTo("credentials-invalid");
    }

    @Test
    void anUnknownPhoneAndAWrongPasswordGetTheSameAnswer() {
        String phone = TwoOrderApis.newPhone();
        assertThat(apis.register(apis.a, phone, "popcorn at row F").status()).isEqualTo(201);

        Answer wrongPassword = apis.signIn(apis.a, phone, "popcorn at row G");
        Answer unknownPhone = apis.signIn(apis.a, TwoOrderApis.newPhone(), "popcorn at row F");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownPhone.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("credentials-invalid");
        assertThat(wrongPassword.body()).isEqualTo(unknownPhone.body());
    }

    @Test
    void refusedSignUpsWriteNothing() {
        String phone = TwoOrderApis.newPhone();
        long before = apis.accounts();
        assertThat(apis.post(apis.a, "/api/auth/sms/send", "{\"phone\":\"" + phone + "\"}").status()).isEqualTo(202);
        String code = apis.lastCode(phone);

        Answer weak = apis.post(apis.a, "/api/auth/register", "{\"phone\":\"%s\",\"password\":\"password123\",\"code\":\"%s\"}"
                .formatted(phone, code));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("password-weak");
        Answer badPhone = apis.post(apis.a, "/api/auth/register", "{\"phone\":\"13800138000\",\"password\":\"popcorn at row F\",\"code\":\"%s\"}"
                .formatted(code));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.code()).isEqualTo("phone-invalid");
        Answer wrongCode = apis.post(apis.a, "/api/auth/register", "{\"phone\":\"%s\",\"password\":\"popcorn at row F\",\"code\":\"%s\"}"
                .formatted(phone, code.equals("000000") ? "000001" : "000000"));
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.code()).isEqualTo("sms-code-invalid");
        Answer malformed = apis.post(apis.a, "/api/auth/register", "{\"phone\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(apis.accounts()).isEqualTo(before);

        // the code survived the refusals that came before it was checked
        assertThat(apis.post(apis.a, "/api/auth/register", "{\"phone\":\"%s\",\"password\":\"popcorn at row F\",\"code\":\"%s\"}"
                .formatted(phone, code)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> apis.post(apis.a, "/api/auth/sms/send",
                "{\"phone\":\"" + phone + "\"}").status() == 202);
        Answer taken = apis.post(apis.b, "/api/auth/register", "{\"phone\":\"%s\",\"password\":\"another good one\",\"code\":\"%s\"}"
                .formatted(phone, apis.lastCode(phone)));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("phone-taken");
        assertThat(apis.accounts()).isEqualTo(before + 1);
    }

    @Test
    void anAdministratorCreatesStaffWithinTheirRolesPermissions() {
        String admin = apis.signIn(apis.a, DemoAccounts.ADMIN, TwoOrderApis.DEMO_PASSWORD).read("$.accessToken");
        String phone = TwoOrderApis.newPhone();
        long before = apis.accounts();

        Answer beyond = apis.post(apis.a, "/api/admin/staff", """
                {"phone":"%s","password":"projector room 2","merchantId":1,"permissions":"screenings=rwm,operations=r--"}"""
                .formatted(phone), admin);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.code()).isEqualTo("permissions-exceed-role");
        Answer noMerchant = apis.post(apis.a, "/api/admin/staff", """
                {"phone":"%s","password":"projector room 2","merchantId":999999}""".formatted(phone), admin);
        assertThat(noMerchant.code()).isEqualTo("merchant-unknown");
        assertThat(apis.accounts()).isEqualTo(before);

        Answer created = apis.post(apis.a, "/api/admin/staff", """
                {"phone":"%s","password":"projector room 2","merchantId":1,"permissions":"screenings=rwm,orders=r--"}"""
                .formatted(phone), admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat((String) created.read("$.permissionsText")).isEqualTo("screenings=rwm,orders=r--");

        Answer staff = apis.signIn(apis.b, phone, "projector room 2");
        Answer me = apis.get(apis.b, "/api/account", staff.read("$.accessToken"));
        assertThat((String) me.read("$.role")).isEqualTo("STAFF");
        assertThat(((Number) me.read("$.merchantId")).longValue()).isEqualTo(1);
        assertThat((String) me.read("$.permissionsText")).isEqualTo("screenings=rwm,orders=r--");

        Answer byStaff = apis.post(apis.b, "/api/admin/staff", """
                {"phone":"%s","password":"projector room 3","merchantId":1}""".formatted(TwoOrderApis.newPhone()),
                staff.read("$.accessToken"));
        assertThat(byStaff.status()).isEqualTo(403);
        // staff sign in with their password only
        await().atMost(Duration.ofSeconds(5)).until(() -> apis.post(apis.a, "/api/auth/sms/send",
                "{\"phone\":\"" + phone + "\"}").status() == 202);
        assertThat(apis.post(apis.a, "/api/auth/sms/sign-in", "{\"phone\":\"%s\",\"code\":\"%s\"}"
                .formatted(phone, apis.lastCode(phone))).code()).isEqualTo("credentials-invalid");
    }

    @Test
    void theDemoAccountsAreSeededOnceWhateverTheInstances() {
        for (String phone : new String[] {DemoAccounts.ADMIN, DemoAccounts.STAFF, DemoAccounts.CUSTOMER,
                DemoAccounts.SECOND_CUSTOMER}) {
            assertThat(apis.jdbc.sql("SELECT COUNT(*) FROM account WHERE phone = ?").param(phone).query(Long.class)
                    .single()).as(phone).isEqualTo(1);
            assertThat(apis.signIn(apis.b, phone, TwoOrderApis.DEMO_PASSWORD).status()).as(phone).isEqualTo(200);
        }
        Answer staff = apis.signIn(apis.a, DemoAccounts.STAFF, TwoOrderApis.DEMO_PASSWORD);
        assertThat((String) apis.get(apis.a, "/api/account", staff.read("$.accessToken")).read("$.permissionsText"))
                .isEqualTo("catalog=rw-,screenings=rwm,orders=r-m,payments=r--,box-office=r--");
    }

    @Test
    void whoAmIWithoutATokenIsUnauthenticated() {
        Answer anonymous = apis.get(apis.a, "/api/account", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthenticated");
    }
}
