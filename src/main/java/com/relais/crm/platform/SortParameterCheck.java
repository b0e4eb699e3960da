package com.relais.crm.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriUtils;

/**
 * Spring Data decodes a list's {@code sort} parameter a second time, so a value holding a lone '%' (which arrives
 * decoded once) failed as a 500 inside its argument resolver (the path fuzz found it). Checked before the handler
 * runs: a 400 naming the parameter.
 */
@Configuration
class SortParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String[] sorts = request.getParameterValues("sort");
    if (sorts != null) {
      for (String sort : sorts) {
        try {
          UriUtils.decode(sort, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          throw new InvalidFieldException("sort", "sort: '" + sort + "' is not a property and direction"
              + " (e.g. sort=name,asc)");
        }
      }
    }
    return true;
  }
}
