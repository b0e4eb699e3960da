package com.relais.crm.identity;

import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * /engine-rest is guarded by the engine's own Basic filter ({@link EngineRestAuthenticationFilter}): it checks the
 * same users as /api and sets the engine's authentication, so engine authorizations decide what each user may see
 * and do.
 */
@Configuration
class EngineRestSecurityConfiguration {
  private static final String ENGINE_REST = "/engine-rest/*";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(VerifiedLogins logins) {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(
        new EngineRestAuthenticationFilter(logins));
    registration.setName("engine-rest-authentication");
    // the filter strips this prefix to tell /engine/{name}/... paths from default-engine paths
    registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
    registration.addUrlPatterns(ENGINE_REST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Runs before authentication so that a browser's preflight (which carries no credentials) is answered. */
  @Bean
  FilterRegistrationBean<CorsFilter> engineRestCors(IdentityProperties properties) {
    var cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(properties.engineRest().corsAllowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
    cors.setAllowCredentials(false);
    var source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/engine-rest/**", cors);
    var registration = new FilterRegistrationBean<>(new CorsFilter(source));
    registration.setName("engine-rest-cors");
    registration.addUrlPatterns(ENGINE_REST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
