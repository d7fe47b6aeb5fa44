package io.github.flagtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FakeFlags;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AppConfigEndpoint parameter")
class AppConfigEndpointParameterTests {

    @Test
    @DisplayName("is started per test on the test's flags and closed after it, also when the test fails")
    void perTest() throws Exception {
        EndpointFixture.uris.clear();
        String before = System.getProperty(AppConfigEndpoint.SDK_ENDPOINT_PROPERTY);

        FlagTestKit.run(EndpointFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(1).failed(1));

        assertThat(EndpointFixture.uris).hasSize(2).doesNotHaveDuplicates();
        HttpClient http = HttpClient.newHttpClient();
        for (URI uri : EndpointFixture.uris) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(
                            HttpRequest.newBuilder(uri.resolve("/applications/a/environments/e/configurations/p"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
        }
        assertThat(System.getProperty(AppConfigEndpoint.SDK_ENDPOINT_PROPERTY)).isEqualTo(before);
    }

    static class EndpointFixture {
        static final List<URI> uris = new ArrayList<>();

        @Test
        @WithFlag(name = "sms-channel", enabled = true)
        void servesTheTestsFlags(AppConfigEndpoint endpoint, FakeFlags flags) throws Exception {
            uris.add(endpoint.uri());
            endpoint.setSystemProperty();
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(endpoint.agentUri("notifications", "dev", "flags"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("{\"sms-channel\":{\"enabled\":true}}");
            assertThat(flags.serves())
                    .singleElement()
                    .satisfies(serve -> assertThat(serve.flags()).containsExactly("sms-channel"));
        }

        @Test
        @WithFlag(name = "sms-channel", enabled = true)
        void failing(AppConfigEndpoint endpoint) {
            uris.add(endpoint.uri());
            endpoint.setSystemProperty();
            throw new AssertionError("boom");
        }
    }
}
