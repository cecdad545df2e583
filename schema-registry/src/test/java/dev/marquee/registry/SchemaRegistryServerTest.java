package dev.marquee.registry;

import static dev.marquee.registry.Schemas.SEAT_V1;
import static dev.marquee.registry.Schemas.SEAT_WITH_ROW_DEFAULT;
import static dev.marquee.registry.Schemas.SEAT_WITH_ROW_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.registry.RegistryHttp.Response;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryServerTest {

    private final InMemorySchemaStore store = new InMemorySchemaStore();
    private SchemaRegistryServer server;
    private RegistryHttp http;

    @BeforeEach
    void start() {
        server = SchemaRegistryServer.start("127.0.0.1", 0, store);
        http = new RegistryHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersLooksUpAndFetchesById() {
        Response registered = http.register("seats-value", SEAT_V1);
        int id = registered.body().path("id").asInt();

        Response lookup = http.post("/subjects/seats-value", Map.of("schema", SEAT_V1));
        Response byId = http.get("/schemas/ids/" + id);

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(lookup.body().path("subject").asText()).isEqualTo("seats-value");
        assertThat(lookup.body().path("id").asInt()).isEqualTo(id);
        assertThat(lookup.body().path("version").asInt()).isEqualTo(1);
        assertThat(new Schema.Parser().parse(byId.body().path("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(SEAT_V1));
    }

    @Test
    void givesTheSameSchemaOneIdAcrossSubjectsAndReRegisteringAddsNoVersion() {
        int first = http.register("seat-events-dev.marquee.test.Seat", SEAT_V1).body().path("id").asInt();
        int second = http.register("seats-value", SEAT_V1).body().path("id").asInt();
        int again = http.register("seats-value", SEAT_V1).body().path("id").asInt();

        assertThat(second).isEqualTo(first);
        assertThat(again).isEqualTo(first);
        assertThat(http.get("/subjects/seats-value/versions").body()).hasSize(1);
        assertThat(http.get("/subjects").body().toString())
                .isEqualTo("[\"seat-events-dev.marquee.test.Seat\",\"seats-value\"]");
    }

    @Test
    void rejectsAFieldWithoutDefaultUnderBackwardWith409() {
        http.register("seats-value", SEAT_V1);

        Response rejected = http.register("seats-value", SEAT_WITH_ROW_REQUIRED);

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.body().path("error_code").asInt()).isEqualTo(409);
        assertThat(rejected.body().path("message").asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(http.get("/subjects/seats-value/versions").body()).hasSize(1);
    }

    @Test
    void acceptsACompatibleChangeAsVersion2() {
        int v1 = http.register("seats-value", SEAT_V1).body().path("id").asInt();

        int v2 = http.register("seats-value", SEAT_WITH_ROW_DEFAULT).body().path("id").asInt();

        assertThat(v2).isNotEqualTo(v1);
        assertThat(http.get("/subjects/seats-value/versions").body().toString()).isEqualTo("[1,2]");
        Response latest = http.get("/subjects/seats-value/versions/latest");
        assertThat(latest.body().path("version").asInt()).isEqualTo(2);
        assertThat(latest.body().path("id").asInt()).isEqualTo(v2);
        assertThat(http.get("/subjects/seats-value/versions/1").body().path("id").asInt()).isEqualTo(v1);
    }

    @Test
    void subjectLevelNoneAllowsAnIncompatibleChange() {
        http.register("seats-value", SEAT_V1);

        Response config = http.put("/config/seats-value", Map.of("compatibility", "NONE"));
        Response registered = http.register("seats-value", SEAT_WITH_ROW_REQUIRED);

        assertThat(config.body().path("compatibility").asText()).isEqualTo("NONE");
        assertThat(registered.status()).isEqualTo(200);
        assertThat(http.get("/config/seats-value").body().path("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(http.get("/config").body().path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void setsTheGlobalLevelAndFallsBackToItOnlyWhenAsked() {
        Response set = http.put("/config", Map.of("compatibility", "FULL_TRANSITIVE"));

        assertThat(set.body().path("compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(http.get("/config").body().path("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(http.get("/config/other-value").body().path("error_code").asInt()).isEqualTo(40408);
        assertThat(http.get("/config/other-value?defaultToGlobal=true").body().path("compatibilityLevel").asText())
                .isEqualTo("FULL_TRANSITIVE");
        assertThat(http.put("/config", Map.of("compatibility", "SIDEWAYS")).body().path("error_code").asInt())
                .isEqualTo(42203);
    }

    @Test
    void testsCompatibilityAgainstTheLatestVersion() {
        http.register("seats-value", SEAT_V1);
        String path = "/compatibility/subjects/seats-value/versions/latest";

        assertThat(http.post(path, Map.of("schema", SEAT_WITH_ROW_DEFAULT)).body().path("is_compatible").asBoolean())
                .isTrue();
        assertThat(http.post(path, Map.of("schema", SEAT_WITH_ROW_REQUIRED)).body().path("is_compatible").asBoolean())
                .isFalse();
    }

    @Test
    void answersWithConfluentErrorCodes() {
        http.register("seats-value", SEAT_V1);

        assertError(http.get("/subjects/nope/versions/1"), 404, 40401);
        assertError(http.get("/subjects/seats-value/versions/7"), 404, 40402);
        assertError(http.get("/subjects/seats-value/versions/first"), 422, 42202);
        assertError(http.get("/schemas/ids/999"), 404, 40403);
        assertError(http.post("/subjects/seats-value", Map.of("schema", SEAT_WITH_ROW_DEFAULT)), 404, 40403);
        assertError(http.register("seats-value", "{\"type\":\"record\"}"), 422, 42201);
        assertError(http.register("seats-value", "not json"), 422, 42201);
        assertError(http.get("/no/such/route"), 404, 404);
    }

    @Test
    void decodesSubjectsWithDotsDashesAndEscapes() {
        String subject = "order events-dev.marquee.test.Seat";

        http.register(subject, SEAT_V1);

        assertThat(http.get("/subjects/" + RegistryHttp.encode(subject) + "/versions/latest").body()
                .path("subject").asText()).isEqualTo(subject);
    }

    @Test
    void aRestartedRegistryKeepsIdsAndVersionsFromItsStore() {
        int id = http.register("seats-value", SEAT_V1).body().path("id").asInt();
        http.put("/config", Map.of("compatibility", "NONE"));
        server.close();

        server = SchemaRegistryServer.start("127.0.0.1", 0, store);
        http = new RegistryHttp(server.url());

        assertThat(http.register("other-value", SEAT_V1).body().path("id").asInt()).isEqualTo(id);
        assertThat(http.register("seats-value", SEAT_WITH_ROW_REQUIRED).body().path("id").asInt()).isEqualTo(id + 1);
        assertThat(http.get("/subjects/seats-value/versions").body().toString()).isEqualTo("[1,2]");
    }

    @Test
    void namesThePortWhenItIsTaken() {
        assertThatThrownBy(() -> SchemaRegistryServer.start("127.0.0.1", server.port(), store))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + server.port());
    }

    private static void assertError(Response response, int status, int errorCode) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.body().path("error_code").asInt()).isEqualTo(errorCode);
        assertThat(response.body().path("message").asText()).isNotBlank();
    }
}
