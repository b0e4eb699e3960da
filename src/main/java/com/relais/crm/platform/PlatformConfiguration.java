package com.relais.crm.platform;

import java.time.Clock;
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
}
