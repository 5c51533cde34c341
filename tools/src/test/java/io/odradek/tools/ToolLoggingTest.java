package io.odradek.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToolLoggingTest {
    private Properties saved;

    @BeforeEach
    void saveSystemProperties() {
        saved = (Properties) System.getProperties().clone();
    }

    @AfterEach
    void restoreSystemProperties() {
        System.setProperties(saved);
    }

    @Test
    void choosesSlf4jSimpleWithWarningsOnlyWhenNothingIsConfigured() {
        System.clearProperty("slf4j.provider");
        System.clearProperty("org.slf4j.simpleLogger.defaultLogLevel");

        ToolLogging.configure();

        assertThat(System.getProperty("slf4j.provider")).isEqualTo(ToolLogging.SIMPLE_PROVIDER);
        assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("warn");
    }

    @Test
    void keepsWhatTheUserConfigured() {
        System.setProperty("slf4j.provider", "org.apache.logging.slf4j.SLF4JServiceProvider");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");

        ToolLogging.configure();

        assertThat(System.getProperty("slf4j.provider")).isEqualTo("org.apache.logging.slf4j.SLF4JServiceProvider");
        assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("debug");
    }

    @Test
    void theProviderItNamesIsInTheToolsJar() throws Exception {
        assertThat(Class.forName(ToolLogging.SIMPLE_PROVIDER, false, getClass().getClassLoader())).isNotNull();
    }
}
