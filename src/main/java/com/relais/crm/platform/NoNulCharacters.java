package com.relais.crm.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No text of a request body may hold the NUL character: PostgreSQL refuses it in a text column, so it failed as a
 * 500 when the row was written (the body fuzz found it in a plan template's title). Refused when the body is read,
 * as a 400 naming the field, for every resource at once.
 */
@Configuration
class NoNulCharacters {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer refuseNulInText() {
    return builder -> builder.deserializerByType(String.class, new Strings());
  }

  static final class Strings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = super.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        throw InvalidFormatException.from(parser, "Text must not contain the NUL character (\\u0000)", value,
            String.class);
      }
      return value;
    }
  }
}
