package io.github.flagtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JSON without an ObjectMapper reads and writes what an ObjectMapper would")
class JsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String EVERY_KIND = "{\"s\":\"a\\\"b\",\"i\":7,\"l\":12345678901,"
            + "\"big\":123456789012345678901234567890,\"d\":1.5,\"e\":-2.5E-3,\"t\":true,\"f\":false,\"n\":null,"
            + "\"a\":[1,\"x\",[],{}],\"o\":{\"nested\":{\"deep\":[null]}}}";

    @Test
    @DisplayName("a tree from the parser's tokens equals ObjectMapper.readTree's")
    void tree() throws Exception {
        assertThat(Json.tree(EVERY_KIND)).isEqualTo(MAPPER.readTree(EVERY_KIND));
        assertThat(Json.tree("[1,2]")).isEqualTo(MAPPER.readTree("[1,2]"));
        assertThat(Json.tree("\"x\"")).isEqualTo(MAPPER.readTree("\"x\""));
        assertThat(Json.tree("").isMissingNode()).isTrue();
    }

    @Test
    @DisplayName("a file's tree equals ObjectMapper.readTree's")
    void file() throws Exception {
        Path file = Files.createTempFile("flagtest-json", ".json");
        try {
            Files.writeString(file, EVERY_KIND);
            assertThat(Json.tree(file)).isEqualTo(MAPPER.readTree(file.toFile()));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    @DisplayName("compact text equals JsonNode.toString()")
    void text() throws Exception {
        var tree = MAPPER.readTree(EVERY_KIND);
        assertThat(Json.text(tree)).isEqualTo(tree.toString());
        tree.fields()
                .forEachRemaining(field -> assertThat(Json.text(field.getValue()))
                        .as(field.getKey())
                        .isEqualTo(field.getValue().toString()));
    }

    @Test
    @DisplayName("no class of the report sets up an ObjectMapper (0.4-0.6 s of a fresh JVM)")
    void noObjectMapper() throws Exception {
        Path classes = Path.of(Json.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("io/github/flagtest/report");
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.filter(f -> f.toString().endsWith(".class")))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(
                                    new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(f.getFileName().toString())
                            .doesNotContain("jackson/databind/ObjectMapper")
                            .doesNotContain("jackson/databind/json/JsonMapper"));
        }
    }
}
