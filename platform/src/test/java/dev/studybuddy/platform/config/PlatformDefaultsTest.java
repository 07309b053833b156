package dev.studybuddy.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PlatformDefaultsTest {

    @Test
    void logFormatJsonMeansElasticCommonSchema() {
        MockEnvironment environment = new MockEnvironment().withProperty("LOG_FORMAT", "json");
        new PlatformDefaults().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void plainTextUnlessAskedOtherwise() {
        MockEnvironment environment = new MockEnvironment();
        new PlatformDefaults().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
        assertThat(PlatformDefaults.structuredFormat("text")).isNull();
        assertThat(PlatformDefaults.structuredFormat("Logstash")).isEqualTo("logstash");
    }

    @Test
    void anUnknownLogFormatIsRefusedByName() {
        assertThatThrownBy(() -> PlatformDefaults.structuredFormat("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOG_FORMAT");
    }
}
