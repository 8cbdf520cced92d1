package org.district.pd.platform.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** Text fields refuse NUL, which PostgreSQL text cannot hold, so the caller hears which field instead of a 500. */
@Singleton
public class StorableText implements ObjectMapperCustomizer {

    /** A text field holds NUL; the problem mapper names the field from the path Jackson adds. */
    public static final class Unstorable extends JsonMappingException {

        Unstorable(JsonParser parser) {
            super(parser, "text contains a NUL character");
        }
    }

    /** Whether PostgreSQL can store {@code value} as text. */
    public static boolean storable(String value) {
        return value == null || value.indexOf('\u0000') < 0;
    }

    @Override
    public void customize(ObjectMapper json) {
        json.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (!storable(value)) {
                    throw new Unstorable(parser);
                }
                return value;
            }
        }));
    }
}
