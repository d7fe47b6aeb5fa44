package io.github.flagtest.junit.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.junit.classpath.Library;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OpenFeature SDK check")
class OpenFeatureSupportTests {

    static Library jar(String artifact, String version) {
        return new Library(artifact, version, "/m2/" + artifact + "-" + version + ".jar");
    }

    @Test
    @DisplayName("an OpenFeature SDK below 1.6 turns OpenFeature support off with the reason and the fix")
    void openFeature() {
        assertThat(OpenFeatureSupport.problem(jar("sdk", "1.4.0")))
                .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("OpenFeature support is off: sdk 1.4.0")
                .contains("upgrade dev.openfeature:sdk to 1.6 or later");
        assertThat(OpenFeatureSupport.problem(jar("sdk", "1.22.0"))).isEmpty(); // the 1.22 SDK of this build
    }
}
