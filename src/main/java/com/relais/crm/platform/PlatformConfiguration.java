package com.relais.crm.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.config.EnableSpringDataWebSupport;

@Configuration
@EnableSpringDataWebSupport(pageSerializationMode = EnableSpringDataWebSupport.PageSerializationMode.VIA_DTO)
class PlatformConfiguration {

  /** One clock for every CRM timestamp, so tests can pin time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Just in front of Spring Security's chain (order -100), which reads users from the database. */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(json));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }
}
