package io.odradek.tools.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.odradek.tools.UsageException;
import io.odradek.tools.produce.LineParser.ParsedLine;

class LineParserTest {

    private static LineParser parser(String... entries) throws UsageException {
        Properties properties = new Properties();
        for (int i = 0; i < entries.length; i += 2) {
            properties.setProperty(entries[i], entries[i + 1]);
        }
        return LineParser.fromProperties(properties);
    }

    @Test
    void withoutParseKeyTheWholeLineIsTheValue() throws Exception {
        assertThat(parser().parse("a\tb:c", 1)).isEqualTo(new ParsedLine(null, "a\tb:c"));
    }

    @Test
    void keySeparatorDefaultsToATab() throws Exception {
        assertThat(parser("parse.key", "true").parse("order-17\t{\"total\": 42}", 1))
                .isEqualTo(new ParsedLine("order-17", "{\"total\": 42}"));
    }

    @Test
    void splitsAtTheFirstSeparatorOnly() throws Exception {
        assertThat(parser("parse.key", "true", "key.separator", ":").parse("k:v:w", 1))
                .isEqualTo(new ParsedLine("k", "v:w"));
    }

    @Test
    void separatorMayBeLongerThanOneCharacter() throws Exception {
        assertThat(parser("parse.key", "true", "key.separator", "=>").parse("k=>v", 1))
                .isEqualTo(new ParsedLine("k", "v"));
    }

    @Test
    void emptyKeyAndEmptyValueStayEmpty() throws Exception {
        assertThat(parser("parse.key", "true", "key.separator", ":").parse(":", 1)).isEqualTo(new ParsedLine("", ""));
    }

    @Test
    void lineWithoutSeparatorIsAnErrorNamingTheLineLikeKafka() throws Exception {
        LineParser parser = parser("parse.key", "true", "key.separator", ":");

        assertThatThrownBy(() -> parser.parse("no key here", 3))
                .isInstanceOf(LineFormatException.class)
                .hasMessage("No key separator found on line number 3: 'no key here'");
    }

    @Test
    void ignoreErrorSendsTheWholeLineWithoutKey() throws Exception {
        assertThat(parser("parse.key", "true", "key.separator", ":", "ignore.error", "true").parse("plain", 1))
                .isEqualTo(new ParsedLine(null, "plain"));
    }

    @Test
    void nullMarkerMakesNullKeysAndValues() throws Exception {
        LineParser parser = parser("parse.key", "true", "key.separator", ":", "null.marker", "<null>");

        assertThat(parser.parse("<null>:v", 1)).isEqualTo(new ParsedLine(null, "v"));
        assertThat(parser.parse("k:<null>", 2)).isEqualTo(new ParsedLine("k", null));
    }

    @Test
    void unknownOrUnsupportedPropertiesAreUsageErrorsNamingThem() {
        assertThatThrownBy(() -> parser("parse.kee", "true")).isInstanceOf(UsageException.class)
                .hasMessageContaining("parse.kee");
        assertThatThrownBy(() -> parser("parse.headers", "true")).hasMessageContaining("parse.headers");
        assertThatThrownBy(() -> parser("key.separator", ":", "null.marker", ":"))
                .hasMessageContaining("null.marker and key.separator may not be equal");
    }
}
