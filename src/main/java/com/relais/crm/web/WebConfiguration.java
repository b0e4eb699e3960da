package com.relais.crm.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the pages: the one chosen with {@code ?lang=fr|en} (kept a year in a cookie), else the browser's
 * among French and English, else French (the company's and the seeds' language). The API keeps the caller's
 * Accept-Language (or the server's) as Spring's default resolver did.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {
  static final Locale FRENCH = Locale.FRENCH;

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(request -> {
      Locale asked = request.getLocale();
      if (!request.getRequestURI().startsWith("/api/")) {
        // without the header, getLocale() is the server's language, not the person's
        return pageLocale(request.getHeader("Accept-Language") == null ? null : asked);
      }
      // the API answers in the caller's language as before (its validation messages), never French by default
      return asked;
    });
    return resolver;
  }

  private static Locale pageLocale(Locale asked) {
    return asked != null && asked.getLanguage().equals("en") ? Locale.ENGLISH : FRENCH;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).addPathPatterns("/", "/search", "/customers/**", "/deals/**", "/today", "/round",
        "/notifications/**", "/dashboard", "/login");
  }
}
