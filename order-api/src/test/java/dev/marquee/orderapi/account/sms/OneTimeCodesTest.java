package dev.marquee.orderapi.account.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import dev.marquee.orderapi.account.sms.OneTimeCodes.Verdict;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

    static final String PHONE = "+8613800138000";
    static final byte[] LIVE = OneTimeCodes.digest(PHONE, "042137");

    @Test
    void codesAreSixDigitsWithLeadingZerosKept() {
        OneTimeCodes codes = new OneTimeCodes(new SplittableRandom(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = codes.next();
            assertThat(code).matches("[0-9]{6}");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(1990).anyMatch(code -> code.startsWith("0"));
    }

    @Test
    void theRightCodeWithinItsTriesIsRight() {
        assertThat(OneTimeCodes.judge(LIVE, 1, OneTimeCodes.digest(PHONE, "042137"), 5)).isEqualTo(Verdict.RIGHT);
        assertThat(OneTimeCodes.judge(LIVE, 5, OneTimeCodes.digest(PHONE, "042137"), 5)).isEqualTo(Verdict.RIGHT);
    }

    @Test
    void aWrongCodeOrTheCodeOfAnotherPhoneIsWrong() {
        assertThat(OneTimeCodes.judge(LIVE, 1, OneTimeCodes.digest(PHONE, "42137"), 5)).isEqualTo(Verdict.WRONG);
        assertThat(OneTimeCodes.judge(LIVE, 1, OneTimeCodes.digest("+8613800138001", "042137"), 5))
                .isEqualTo(Verdict.WRONG);
    }

    @Test
    void theTryAfterTheLastWrongOneIsLockedEvenWithTheRightCode() {
        assertThat(OneTimeCodes.judge(LIVE, 6, OneTimeCodes.digest(PHONE, "042137"), 5)).isEqualTo(Verdict.LOCKED);
        assertThat(OneTimeCodes.judge(LIVE, 9, OneTimeCodes.digest(PHONE, "000000"), 5)).isEqualTo(Verdict.LOCKED);
    }

    @Test
    void noLiveCodeIsExpiredWhateverIsPresented() {
        assertThat(OneTimeCodes.judge(null, 0, OneTimeCodes.digest(PHONE, "042137"), 5)).isEqualTo(Verdict.EXPIRED);
    }
}
