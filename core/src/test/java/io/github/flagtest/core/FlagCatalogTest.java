package io.github.flagtest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagCatalogTest {

    static final String STORED = """
            {
              "version": "1",
              "flags": {
                "loyalty-points": {"name": "Loyalty points", "description": "Awards points", "_createdAt": "2026-01-31T12:00:00Z"},
                "old-banner": {"name": "Old banner", "_deprecation": {"status": "planned"}},
                "checkout": {"name": "Checkout"},
                "rich-mail": {"name": "Rich mail"},
                "never-set": {"name": "Never set"}
              },
              "values": {
                "loyalty-points": {"enabled": true},
                "old-banner": {"enabled": false},
                "checkout": {"enabled": true, "_variants": [{"name": "B", "enabled": true}]},
                "rich-mail": {"_variants": [{"name": "rich", "enabled": true, "rule": "(eq $tier \\"gold\\")"}, {"name": "classic", "enabled": true}]}
              }
            }
            """;

    @Nested
    @DisplayName("reads the stored form")
    class StoredForm {

        private final FlagCatalog catalog = FlagCatalog.parse(STORED, "dev.json");

        @Test
        @DisplayName("with names in document order, defaults, descriptions, deprecation and age")
        void definitions() {
            assertThat(catalog.names())
                    .containsExactly("loyalty-points", "old-banner", "checkout", "rich-mail", "never-set");
            assertThat(catalog.get("loyalty-points"))
                    .contains(new FlagDefinition(
                            "loyalty-points",
                            true,
                            "Awards points",
                            false,
                            Optional.of(Instant.parse("2026-01-31T12:00:00Z"))));
            assertThat(catalog.get("old-banner").orElseThrow().deprecated()).isTrue();
            assertThat(catalog.get("checkout").orElseThrow().defaultValue()).hasToString("B");
            Variants richMail =
                    (Variants) catalog.get("rich-mail").orElseThrow().defaultValue();
            assertThat(richMail.defaultVariant().name()).isEqualTo("classic");
            assertThat(richMail.variants())
                    .extracting(Variants.Variant::name, Variants.Variant::rule)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("rich", Optional.of("(eq $tier \"gold\")")),
                            org.assertj.core.groups.Tuple.tuple("classic", Optional.empty()));
            assertThat(richMail.variantFor(Map.of("tier", "gold"), "rich-mail").name())
                    .isEqualTo("rich");
            assertThat(catalog.get("never-set").orElseThrow().defaultValue()).isEqualTo(false);
            assertThat(catalog.get("unknown")).isEmpty();
        }

        @Test
        @DisplayName("and gives its values as a flag state")
        void defaults() {
            assertThat(catalog.defaults())
                    .hasToString("[loyalty-points=ON, old-banner=OFF, checkout=B, rich-mail=classic, never-set=OFF]");
        }
    }

    @Test
    @DisplayName("reads the retrieval form that clients get back")
    void retrievalForm() {
        FlagCatalog catalog = FlagCatalog.parse(
                "{\"a\":{\"enabled\":true,\"limit\":5},\"b\":{\"enabled\":false},\"c\":{\"enabled\":true,\"_variant\":\"X\"}}",
                "served");

        assertThat(catalog.defaults()).hasToString("[a=ON, b=OFF, c=X]");
    }

    @Test
    @DisplayName("loads a file and names it in errors")
    void loadsFiles(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("prod.json"), STORED);
        assertThat(FlagCatalog.load(file).names()).hasSize(5);
        assertThatThrownBy(() -> FlagCatalog.load(dir.resolve("missing.json")))
                .isInstanceOf(FlagTestException.class)
                .hasMessageContaining("Cannot read flag document " + dir.resolve("missing.json"));
    }

    @Test
    @DisplayName("locates a document on the class path first, then as a file, and names both places when missing")
    void locate(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("team.json"), "{\"a\":{\"enabled\":true}}");
        ClassLoader loader =
                new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null);

        assertThat(FlagCatalog.locate("team.json", loader).source()).isEqualTo("classpath:team.json");
        assertThat(FlagCatalog.locate(file.toString(), null).source()).isEqualTo(file.toString());
        assertThatThrownBy(() -> FlagCatalog.locate("flags/none.json", loader))
                .isInstanceOf(FlagTestException.class)
                .hasMessageStartingWith(
                        "no such flag document on the test class path (classpath:flags/none.json) nor as a file (");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object              | []                                                                   | doc.json: $: expected a JSON object but found []
            flag not an object         | {"a": true}                                                          | doc.json: $.a: expected a JSON object but found true
            enabled missing            | {"a": {}}                                                            | doc.json: $.a.enabled: missing; add "enabled": true or false
            unknown top-level key      | {"version": "1", "flags": {}, "extra": 1}                            | doc.json: $: property 'extra' is not defined in the schema
            flagtest's _variant stored | {"version": "1", "flags": {"x": {}}, "values": {"x": {"enabled": true, "_variant": "B"}}} | doc.json: $.values.x: property '_variant' is not defined in the schema and the schema does not allow additional properties ("_variant" is the retrieval form; in the stored form pin a variant as "_variants": [{"name": "B", "enabled": true}])
            enabled not boolean        | {"a": {"enabled": "yes"}}                                            | doc.json: $.a.enabled: expected true or false but found "yes"
            bad version                | {"version": "2", "flags": {}}                                        | doc.json: $.version: does not have a value in the enumeration ["1"]; AppConfig would refuse
            flags not an object        | {"version": "1", "flags": []}                                        | doc.json: $.flags: array found, object expected
            value of undeclared flag   | {"version": "1", "flags": {}, "values": {"x": {"enabled": true}}}    | doc.json: $.values.x: flag 'x' is not declared in $.flags
            stored enabled not boolean | {"version": "1", "flags": {"x": {}}, "values": {"x": {"enabled": 1}}} | doc.json: $.values.x.enabled: integer found, boolean expected
            bad createdAt              | {"version": "1", "flags": {"x": {"_createdAt": "yesterday"}}}        | doc.json: $.flags.x._createdAt: expected an ISO-8601 instant
            variants without default   | {"version": "1", "flags": {"x": {}}, "values": {"x": {"_variants": [{"name": "a", "enabled": true, "rule": "(eq $a 1)"}]}}} | doc.json: $.values.x._variants: variant [0] 'a': the last variant is the default and must have no rule
            default not last           | {"version": "1", "flags": {"x": {}}, "values": {"x": {"_variants": [{"name": "d", "enabled": true}, {"name": "a", "enabled": true, "rule": "(eq $a 1)"}]}}} | doc.json: $.values.x._variants: variant [0] 'd': only the last variant (the default) may have no rule
            duplicate variant names    | {"version": "1", "flags": {"x": {}}, "values": {"x": {"_variants": [{"name": "a", "enabled": true, "rule": "(eq $a 1)"}, {"name": "a", "enabled": false}]}}} | doc.json: $.values.x._variants: variant [1] 'a': the name is used twice
            malformed rule             | {"version": "1", "flags": {"x": {}}, "values": {"x": {"_variants": [{"name": "a", "enabled": true, "rule": "(eq $a 1"}, {"name": "d", "enabled": false}]}}} | doc.json: $.values.x._variants: variant [0] 'a': rule (eq $a 1 at position
            variant enabled not bool   | {"version": "1", "flags": {"x": {}}, "values": {"x": {"_variants": [{"name": "d", "enabled": "yes"}]}}} | doc.json: $.values.x._variants[0].enabled: string found, boolean expected
            variant without enabled    | {"version": "1", "flags": {"x": {}}, "values": {"x": {"_variants": [{"name": "d"}]}}} | doc.json: $.values.x._variants[0]: required property 'enabled' not found
            unknown variant key        | {"version": "1", "flags": {"x": {}}, "values": {"x": {"_variants": [{"name": "d", "enabled": true, "limit": 3}]}}} | doc.json: $.values.x._variants[0]: property 'limit' is not defined in the schema
            blank flag name            | {" ": {"enabled": true}}                                             | doc.json: $. : a flag name must not be blank
            variants not an array      | {"version": "1", "flags": {"x": {}}, "values": {"x": {"_variants": {}}}} | doc.json: $.values.x._variants: object found, array expected
            empty document             | '   '                                                                | doc.json: the flag document is empty
            attribute of wrong type    | {"version": "1", "flags": {"x": {"attributes": {"limit": {"constraints": {"type": "number"}}}}}, "values": {"x": {"enabled": true, "limit": "ten"}}} | doc.json: $.values.x.limit: expected a number but found "ten"
            required attribute missing | {"version": "1", "flags": {"x": {"attributes": {"id": {"constraints": {"type": "string", "required": true}}}}}, "values": {"x": {"enabled": true}}} | doc.json: $.values.x.id: required attribute is missing
            undeclared attribute       | {"version": "1", "flags": {"x": {}}, "values": {"x": {"enabled": true, "limit": 3}}} | doc.json: $.values.x.limit: attribute 'limit' is not declared in the flag's attributes
            variant attribute too big  | {"version": "1", "flags": {"x": {"attributes": {"pct": {"constraints": {"type": "number", "maximum": 100}}}}}, "values": {"x": {"_variants": [{"name": "a", "enabled": true, "rule": "(eq $a 1)", "attributeValues": {"pct": 120}}, {"name": "d", "enabled": false}]}}} | doc.json: $.values.x._variants[0].attributeValues.pct: 120 is above the maximum 100
            """)
    @DisplayName("rejects malformed documents with the JSON path of the error")
    void rejectsMalformed(String what, String json, String message) {
        assertThatThrownBy(() -> FlagCatalog.parse(json, "doc.json"))
                .isInstanceOf(FlagTestException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    @DisplayName("reports the line and column of a JSON syntax error")
    void syntaxError() {
        assertThatThrownBy(() -> FlagCatalog.parse("{\n  \"a\": {\"enabled\": tru}\n}", "doc.json"))
                .isInstanceOf(FlagTestException.class)
                .hasMessageStartingWith("doc.json: malformed JSON at line 2, column");
    }

    @Test
    @DisplayName("suggests the closest name for a typo, and nothing for a stranger")
    void closestName() {
        FlagCatalog catalog = FlagCatalog.parse(STORED, "dev.json");

        assertThat(catalog.closestName("loyalty-point")).contains("loyalty-points");
        assertThat(catalog.closestName("chekout")).contains("checkout");
        assertThat(catalog.closestName("completely-different-name")).isEmpty();
    }

    @Test
    @DisplayName("reads {\"version\": \"1\"} alone as the empty stored document AppConfig accepts")
    void versionOnly() {
        assertThat(FlagCatalog.parse("{\"version\": \"1\"}", "empty.json").names())
                .isEmpty();
    }
}
