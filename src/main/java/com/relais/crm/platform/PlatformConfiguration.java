package com.relais.crm.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.web.config.EnableSpringDataWebSupport;

@Configuration
@EnableSpringDataWebSupport(pageSerializationMode = EnableSpringDataWebSupport.PageSerializationMode.VIA_DTO)
class PlatformConfiguration {

  /** One clock for every CRM timestamp, so tests can pin time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * In front of the filters that read users from the database: Spring Security's chain for /api (order -100) and
   * the engine's Basic-auth filter for /engine-rest (highest precedence + 20).
   */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(json));
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }
}
