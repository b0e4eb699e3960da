package com.relais.crm.platform;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.cbor.MappingJackson2CborHttpMessageConverter;
import org.springframework.http.converter.feed.AbstractWireFeedHttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON. Libraries on the class path (Jackson's XML, YAML and CBOR formats, feeds) made Spring offer
 * them too, so a browser, which prefers XML to "anything", got XML when it opened /api in a tab. Those writers are
 * removed from Spring MVC (the engine's REST API and the webapps have their own), and JSON is the answer for a
 * client that names no type.
 */
@Configuration
class JsonAnswers implements WebMvcConfigurer {

  @Override
  public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
    negotiation.defaultContentType(MediaType.APPLICATION_JSON);
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(converter -> converter instanceof MappingJackson2XmlHttpMessageConverter
        || converter instanceof MappingJackson2YamlHttpMessageConverter
        || converter instanceof MappingJackson2CborHttpMessageConverter
        || converter instanceof AbstractWireFeedHttpMessageConverter);
  }
}
