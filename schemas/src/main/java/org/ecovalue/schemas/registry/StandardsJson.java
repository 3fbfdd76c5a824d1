package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.util.Locale;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;

/**
 * JSON forms of the standards enums, used on record components with {@code @JsonSerialize} /
 * {@code @JsonDeserialize}: a water class travels as its GB 3838 label ({@code III}, {@code 劣V}),
 * a water body as {@code river} / {@code lake} (as in the {@code assess} CSV column).
 */
public final class StandardsJson {

    private StandardsJson() {
    }

    public static final class WaterClassLabelSerializer extends StdScalarSerializer<WaterClass> {
        public WaterClassLabelSerializer() {
            super(WaterClass.class);
        }

        @Override
        public void serialize(WaterClass value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.label());
        }
    }

    public static final class WaterClassLabelDeserializer extends StdScalarDeserializer<WaterClass> {
        public WaterClassLabelDeserializer() {
            super(WaterClass.class);
        }

        @Override
        public WaterClass deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return WaterClass.ofLabel(text == null ? "" : text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown water class '" + text + "' (I|II|III|IV|V|劣V)");
            }
        }
    }

    public static final class WaterBodySerializer extends StdScalarSerializer<WaterBody> {
        public WaterBodySerializer() {
            super(WaterBody.class);
        }

        @Override
        public void serialize(WaterBody value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }

    public static final class WaterBodyDeserializer extends StdScalarDeserializer<WaterBody> {
        public WaterBodyDeserializer() {
            super(WaterBody.class);
        }

        @Override
        public WaterBody deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            for (WaterBody b : WaterBody.values()) {
                if (b.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown water body '" + text + "' (river|lake)");
        }
    }
}
