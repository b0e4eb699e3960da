package com.relais.crm.engine;

import jakarta.servlet.ServletRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasklist and Cockpit call the engine through the webapps' own copy of the REST API ("Engine Api" servlet under
 * /camunda/api/engine), not through /engine-rest. The same bad-input mappers are added there through Jersey's
 * provider property. Tomcat runs this initializer after Spring Boot's own (which registers the webapps' servlets)
 * and before any servlet starts; the servlet spec allows changing a registration only at that point.
 */
@Configuration
class WebappEngineApiFaults {
  private static final Logger log = LoggerFactory.getLogger(WebappEngineApiFaults.class);
  static final String ENGINE_API_SERVLET = "Engine Api";

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> webappEngineApiFaultMappers() {
    return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer(
        (classes, servletContext) -> {
          ServletRegistration engineApi = servletContext.getServletRegistration(ENGINE_API_SERVLET);
          if (engineApi == null) {
            log.warn("No '{}' servlet: the webapps' engine API keeps Camunda's 500 for bad input", ENGINE_API_SERVLET);
            return;
          }
          engineApi.setInitParameter("jersey.config.server.provider.classnames",
              EngineRestClientFaults.EngineFaults.class.getName() + ","
                  + EngineRestClientFaults.RestFaults.class.getName() + ","
                  + EngineRestOutage.AnyFault.class.getName());
        }, null));
  }
}
