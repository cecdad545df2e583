package dev.marquee.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Our code uses one Jackson generation, Jackson 3 ({@code tools.jackson.*}, as Spring Boot 4 does); Jackson 2's
 * annotations ({@code com.fasterxml.jackson.annotation}) are Jackson 3's too. Jackson 2's databind and core still
 * reach the class path through Debezium, Kafka Connect and Avro, which is theirs to use, not ours: no source of any
 * module, main or test, imports them.
 */
class JacksonGenerationTest {

    static final Path REPOSITORY = Path.of("..");
    static final Pattern JACKSON_2 = Pattern.compile("^import (static )?com\\.fasterxml\\.jackson\\.(databind|core)\\.",
            Pattern.MULTILINE);

    @Test
    void noSourceImportsJackson2() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).as("sources found").hasSizeGreaterThan(200)
                .anyMatch(path -> path.toString().contains("gateway-simulator"))
                .anyMatch(path -> path.toString().contains("launcher/src/main"))
                .anyMatch(path -> path.toString().contains("launcher/src/test"));
        assertThat(sources.stream().filter(JacksonGenerationTest::importsJackson2).map(Path::toString))
                .as("sources importing com.fasterxml.jackson.databind or .core").isEmpty();
    }

    @Test
    void theCheckSeesAJackson2Import() {
        assertThat(JACKSON_2.matcher("package x;\n\nimport com.fasterxml.jackson.databind.ObjectMapper;\n").find())
                .isTrue();
        assertThat(JACKSON_2.matcher("import com.fasterxml.jackson.annotation.JsonProperty;\n"
                + "import tools.jackson.databind.ObjectMapper;\n").find()).isFalse();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            return modules.flatMap(module -> Stream.of(module.resolve("src/main/java"), module.resolve("src/test/java")))
                    .filter(Files::isDirectory).flatMap(JacksonGenerationTest::javaFiles).toList();
        }
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean importsJackson2(Path source) {
        try {
            return JACKSON_2.matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
