package io.queryadvisor.advisor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.queryadvisor.advisor.rules.Severity;

/**
 * The one JSON mapping of the project: the JSON report, the dashboard's API and the slow-query
 * log lines all serialise through it, so a field is spelled the same everywhere.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // An emoji (in a SQL comment, an application name) is written as one UTF-8 character, not two escapes.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .addModule(new SimpleModule("query-advisor")
                    .addSerializer(Severity.class, new SeveritySerializer())
                    .addDeserializer(Severity.class, new SeverityDeserializer()))
            .build();

    private Json() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static final class SeveritySerializer extends StdSerializer<Severity> {
        SeveritySerializer() {
            super(Severity.class);
        }

        @Override
        public void serialize(Severity value, JsonGenerator gen, SerializerProvider provider) throws java.io.IOException {
            gen.writeString(value.label());
        }
    }

    /** Reads a severity back from its label, so a saved JSON report can be read into a {@link Report}. */
    private static final class SeverityDeserializer extends StdDeserializer<Severity> {
        SeverityDeserializer() {
            super(Severity.class);
        }

        @Override
        public Severity deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
            String label = parser.getValueAsString();
            for (Severity s : Severity.values()) {
                if (s.label().equalsIgnoreCase(label)) {
                    return s;
                }
            }
            return (Severity) context.handleWeirdStringValue(Severity.class, label, "not high, medium or low");
        }
    }
}
