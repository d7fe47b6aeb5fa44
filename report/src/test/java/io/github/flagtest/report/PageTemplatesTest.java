package io.github.flagtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.shaded.jte.html.HtmlTemplateOutput;
import io.github.flagtest.shaded.jte.html.OwaspHtmlTemplateOutput;
import io.github.flagtest.shaded.jte.output.StringOutput;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the page's jte templates")
class PageTemplatesTest {

    static final String EVIL = "a\"b'c<i>d</i>&e";

    static String render(Consumer<HtmlTemplateOutput> template) {
        StringOutput text = new StringOutput();
        template.accept(new OwaspHtmlTemplateOutput(text));
        return text.toString();
    }

    @Nested
    @DisplayName("escape every value for where it lands")
    class Escaping {

        @Test
        @DisplayName("a card's label as element text and its title as an attribute value, each intact")
        void card() {
            Element card = Jsoup.parseBodyFragment(
                            render(out -> JtecardGenerated.render(out, null, EVIL, 7, "warn", EVIL)))
                    .selectFirst("div.card");

            assertThat(card.attributes().asList()).hasSize(2);
            assertThat(card.attr("title")).isEqualTo(EVIL);
            assertThat(card.select("span.label").text()).isEqualTo(EVIL);
            assertThat(card.select("i")).isEmpty();
            assertThat(card.className()).isEqualTo("card warn");
        }

        @Test
        @DisplayName("value: ON, OFF, a variant (escaped) and none as spans")
        void value() {
            assertThat(render(out -> JtevalueGenerated.render(out, null, "ON")))
                    .isEqualTo("<span class=\"state on\">ON</span>");
            assertThat(render(out -> JtevalueGenerated.render(out, null, "OFF")))
                    .isEqualTo("<span class=\"state off\">OFF</span>");
            assertThat(render(out -> JtevalueGenerated.render(out, null, "<b>")))
                    .isEqualTo("<span class=\"state variant\">&lt;b&gt;</span>");
            assertThat(render(out -> JtevalueGenerated.render(out, null, null)))
                    .isEqualTo("<span class=\"muted\">\u2013</span>");
        }

        @Test
        @DisplayName("read sites in a signal's title attribute and in the details' code, as written")
        void sitesInAttributesAndText(@TempDir Path dir) throws Exception {
            String first = "A.java:1\"><i>x</i>";
            String second = "B.java:2 'q' & <b>";
            Files.createDirectories(dir.resolve("runs"));
            Files.writeString(
                    dir.resolve("runs/tests-sites.jsonl"),
                    "{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"t\",\"result\":\"SUCCESSFUL\","
                            + "\"state\":{\"sms\":true},\"evaluations\":["
                            + "{\"flag\":\"sms\",\"value\":\"ON\",\"class\":\"A\",\"method\":\"m\",\"site\":\""
                            + first.replace("\"", "\\\"") + "\",\"line\":1,\"count\":1},"
                            + "{\"flag\":\"sms\",\"value\":\"ON\",\"class\":\"B\",\"method\":\"m\",\"site\":\""
                            + second + "\",\"line\":2,\"count\":1}]}\n");
            Document html = Jsoup.parse(
                    FlagReport.of(RunRecords.read(List.of(dir))).write(dir).toFile(), "UTF-8");

            assertThat(html.select("table#flags span.signal[title]"))
                    .extracting(span -> span.attr("title"))
                    .contains("read at 2 sites: A.m(" + first + "), B.m(" + second + ")");
            assertThat(html.select("article#flag-sms code"))
                    .extracting(Element::text)
                    .contains("A.m(" + first + ")", "B.m(" + second + ")");
            assertThat(html.select("i, b")).isEmpty();
        }
    }

    @Nested
    @DisplayName("keep jte out of users' sight")
    class Internal {

        @Test
        @DisplayName("the generated template classes are package-private, not API")
        void packagePrivate() {
            for (Class<?> template : List.of(
                    JtepageGenerated.class,
                    JterowGenerated.class,
                    JtedetailsGenerated.class,
                    JteinventoryGenerated.class,
                    JtevalueGenerated.class)) {
                assertThat(Modifier.isPublic(template.getModifiers()))
                        .as(template.getName())
                        .isFalse();
            }
        }

        @Test
        @DisplayName("they run on jte's runtime relocated in flagtest-shaded: no gg.jte class on the class path")
        void relocated() throws Exception {
            assertThat(JtepageGenerated.class
                            .getMethod(
                                    "render",
                                    HtmlTemplateOutput.class,
                                    io.github.flagtest.shaded.jte.html.HtmlInterceptor.class,
                                    FlagReport.class,
                                    List.class)
                            .getParameterTypes()[0]
                            .getName())
                    .startsWith("io.github.flagtest.shaded.jte.");
            assertThatThrownBy(() -> Class.forName("gg.jte.html.HtmlTemplateOutput"))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }
}
