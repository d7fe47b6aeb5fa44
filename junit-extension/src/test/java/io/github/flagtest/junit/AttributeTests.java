package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.message;
import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Reason;
import io.github.flagtest.core.FakeFlags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Attribute values pinned with {@code @WithFlag(attributes)} and read through every test surface. */
@DisplayName("Attribute values in tests")
class AttributeTests {

    private static final Map<String, String> CATALOG = Map.of("flagtest.catalog", "flags/attributes.json");

    @Nested
    @DisplayName("when configured correctly")
    class Correct {

        @Test
        @DisplayName(
                "pins join the catalog's attribute values, typed by its declared types, read through FakeFlags, @FlagClient and OpenFeature")
        void pinsAndReads() {
            run(ReadFixture.class, CATALOG)
                    .testEvents()
                    .assertStatistics(s -> s.started(4).succeeded(4));
        }

        @Test
        @DisplayName("without a catalog, values are JSON literals, else strings")
        void literals() {
            run(LiteralFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(1).succeeded(1));
        }
    }

    @Nested
    @DisplayName("when misconfigured")
    class Misconfigured {

        @Test
        @DisplayName("a value outside the declared constraints names the pin, the JSON path and the catalog")
        void constraints() {
            EngineExecutionResults results = run(TooManyFixture.class, CATALOG);
            assertThat(message(results.testEvents().failed().list().get(0)))
                    .isEqualTo("@WithFlag(name = \"checkout\", attributes = \"maxItems=500\") on"
                            + " AttributeTests.TooManyFixture.pins(): $.values.checkout.maxItems: 500 is above the"
                            + " maximum 50 (constraints declared in classpath:flags/attributes.json); pin a value the"
                            + " constraints allow");
        }

        @Test
        @DisplayName("a value of another type than declared, and an entry without '=', are refused with the fix")
        void malformed() {
            EngineExecutionResults results = run(MalformedFixture.class, CATALOG);
            assertThat(results.testEvents().failed().list())
                    .extracting(FlagTestKit::message)
                    .containsExactlyInAnyOrder(
                            "@WithFlag(name = \"checkout\", attributes = \"maxItems=many\") on"
                                    + " AttributeTests.MalformedFixture.wrongType(): attribute 'maxItems': 'many' is not a"
                                    + " number, the type the catalog declares",
                            "@WithFlag(name = \"checkout\", attributes = \"maxItems\") on"
                                    + " AttributeTests.MalformedFixture.noEquals(): 'maxItems' is not name=value; write"
                                    + " e.g. \"maxItems=5\"");
        }
    }

    /** A team's own flag wrapper with attribute reads. */
    public interface Features {
        boolean isOn(String flag);

        int attribute(String flag, String name, int fallback);

        String getAttribute(String flag, String name, String fallback);

        Map<String, Object> attributes(String flag);
    }

    static class ReadFixture {

        @FlagClient
        Features features;

        @Test
        @WithFlag(
                name = "checkout",
                attributes = {"maxItems=7", "banner=5"})
        void pinsOverCatalog(FakeFlags flags) {
            assertThat(flags.attribute("checkout", "maxItems", Integer.class, 0))
                    .isEqualTo(7);
            assertThat(flags.attribute("checkout", "banner", String.class, "")).isEqualTo("5"); // declared string
            assertThat(flags.attribute("checkout", "regions", List.class, List.of()))
                    .isEqualTo(List.of("eu"));
            assertThat(features.attribute("checkout", "maxItems", 0)).isEqualTo(7);
            assertThat(features.getAttribute("checkout", "banner", "")).isEqualTo("5");
            assertThat(features.attributes("checkout")).containsEntry("maxItems", 7);
        }

        @Test
        void offServesTheFallback() {
            assertThat(features.isOn("checkout")).isFalse();
            assertThat(features.attribute("checkout", "maxItems", 1)).isEqualTo(1);
            assertThat(features.attributes("checkout")).isEmpty();
        }

        @Test
        @WithFlag(name = "theme", value = "dark", attributes = "palette=ink")
        void variantPinWithAttributes(FakeFlags flags) {
            assertThat(flags.attribute("theme", "palette", String.class, "")).isEqualTo("ink");
        }

        @Test
        @WithFlag(name = "checkout", attributes = "maxItems=9")
        void openFeature() {
            Client client = OpenFeatureAPI.getInstance().getClient();
            assertThat(client.getIntegerValue("checkout.maxItems", 0)).isEqualTo(9);
            assertThat(client.getObjectValue("checkout", new dev.openfeature.sdk.Value())
                            .asStructure()
                            .getValue("banner")
                            .asString())
                    .isEqualTo("classic");
            var missing = client.getBooleanDetails("nope", true);
            assertThat(missing.getValue()).isTrue();
            assertThat(missing.getReason()).isEqualTo(Reason.ERROR.name());
            assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        }
    }

    static class LiteralFixture {
        @Test
        @WithFlag(
                name = "banner",
                attributes = {"max=5", "on=true", "tags=[\"a\",\"b\"]", "text=hello", "quoted=\"5\""})
        void literals(FakeFlags flags) {
            assertThat(flags.attributes("banner"))
                    .containsEntry("max", 5)
                    .containsEntry("on", true)
                    .containsEntry("tags", List.of("a", "b"))
                    .containsEntry("text", "hello")
                    .containsEntry("quoted", "5");
        }
    }

    static class TooManyFixture {
        @Test
        @WithFlag(name = "checkout", attributes = "maxItems=500")
        void pins() {}
    }

    static class MalformedFixture {
        @Test
        @WithFlag(name = "checkout", attributes = "maxItems=many")
        void wrongType() {}

        @Test
        @WithFlag(name = "checkout", attributes = "maxItems")
        void noEquals() {}
    }
}
