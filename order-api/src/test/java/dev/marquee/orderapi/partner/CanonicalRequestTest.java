package dev.marquee.orderapi.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void sixLinesJoinedByNewlinesWithoutATrailingOne() {
        String canonical = CanonicalRequest.of("post", "/api/orders", "b=2&a=1",
                "{}".getBytes(StandardCharsets.UTF_8), "1700000000", "0123456789abcdef");

        assertThat(canonical).isEqualTo("POST\n/api/orders\na=1&b=2\n"
                + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\n1700000000\n0123456789abcdef");
    }

    @Test
    void anEmptyOrAbsentBodyHashesAsNothing() {
        assertThat(CanonicalRequest.bodyHash(new byte[0])).isEqualTo(EMPTY_SHA256);
        assertThat(CanonicalRequest.bodyHash(null)).isEqualTo(EMPTY_SHA256);
        assertThat(CanonicalRequest.of("GET", "/api/admin/apps", null, null, "1", "n").split("\n", -1))
                .containsExactly("GET", "/api/admin/apps", "", EMPTY_SHA256, "1", "n");
    }

    @Test
    void pairsAreSortedByNameThenValue() {
        assertThat(CanonicalRequest.query("z=1&a=2&m=3&a=1&A=9")).isEqualTo("A=9&a=1&a=2&m=3&z=1");
    }

    @Test
    void namesAndValuesAreRfc3986EncodedWhateverEscapingTheClientUsed() {
        assertThat(CanonicalRequest.query("q=caf%C3%A9+au%20lait&t=%7e~&s=a%2fb"))
                .isEqualTo("q=caf%C3%A9%20au%20lait&s=a%2Fb&t=~~");
        assertThat(CanonicalRequest.query("q=café&x=*")).isEqualTo("q=caf%C3%A9&x=%2A");
        assertThat(CanonicalRequest.query("emoji=%F0%9F%8E%AC")).isEqualTo("emoji=%F0%9F%8E%AC");
        assertThat(CanonicalRequest.query("emoji=\uD83C\uDFAC")).isEqualTo("emoji=%F0%9F%8E%AC");
    }

    @Test
    void aPairWithoutValueHasAnEmptyOneAndEmptyPairsAreDropped() {
        assertThat(CanonicalRequest.query("flag&&b=")).isEqualTo("b=&flag=");
        assertThat(CanonicalRequest.query("")).isEmpty();
        assertThat(CanonicalRequest.query(null)).isEmpty();
    }

    @Test
    void anEncodedSeparatorStaysPartOfTheValue() {
        assertThat(CanonicalRequest.query("a=1%262&b=x%3Dy")).isEqualTo("a=1%262&b=x%3Dy");
    }

    @Test
    void aMalformedEscapeIsRefused() {
        assertThatThrownBy(() -> CanonicalRequest.query("a=%4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalRequest.query("a=%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyPathIsTheRoot() {
        assertThat(CanonicalRequest.of("GET", "", null, null, "1", "n")).startsWith("GET\n/\n");
    }
}
