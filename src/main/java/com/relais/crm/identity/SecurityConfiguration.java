package com.relais.crm.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import java.util.Arrays;

/**
 * Three doors. /api and the OpenAPI page: HTTP Basic against the engine's users, stateless; a read may also come
 * from a browser logged in to the webapps ({@link WebappSessionLogin}). /engine-rest and the webapps guard
 * themselves with the engine's own filters (Basic auth filter, webapp session login and CSRF filter), so Spring
 * Security lets them through untouched. Health is open; any other path is a 404, never a login prompt. Two small
 * doors beside them: the e-signature provider's endpoint, opened only by an HMAC of the request, and the public
 * pages, each acting on a token of its own.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  /**
   * Matches on the whole path, not the DispatcherServlet's: /engine-rest and the webapps are served by other
   * servlets and filters, which Spring MVC path matchers never see.
   */
  private static RequestMatcher paths(String... patterns) {
    var builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(Arrays.stream(patterns).map(p -> (RequestMatcher) builder.matcher(p)).toList());
  }

  /**
   * The external e-signature provider's endpoint, before /api's chain (which would ask for a staff login): only a
   * request signed with the secret shared with the provider gets in ({@link SignatureProviderAuthentication}); staff
   * credentials open nothing here, and a missing, wrong or unconfigured signature is a 401.
   */
  @Bean
  @Order(0)
  SecurityFilterChain signatureProvider(HttpSecurity http, ObjectMapper json, SignatureProviderProperties provider,
      IdentityProperties identity) throws Exception {
    return http
        .securityMatcher(paths(SignatureProviderAuthentication.PATH))
        .addFilterBefore(SignatureProviderAuthentication.withSecret(provider.providerSecret(),
            identity.demo().enabled()), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(SignatureProviderAuthentication.AUTHORITY))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint(ProblemJsonSecurityHandlers.unsignedRequest(json))
            .accessDeniedHandler(ProblemJsonSecurityHandlers.forbidden(json)))
        // no cookie, no session: a forged cross-site request cannot carry the HMAC
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain crmApi(HttpSecurity http, ObjectMapper json, EngineIdentityAuthenticationProvider users)
      throws Exception {
    return http
        .securityMatcher(paths("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"))
        .authenticationProvider(users)
        .addFilterBefore(WebappSessionLogin.readsOnly(), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(ProblemJsonSecurityHandlers.unauthorized(json)))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint(ProblemJsonSecurityHandlers.unauthorized(json))
            .accessDeniedHandler(ProblemJsonSecurityHandlers.forbidden(json)))
        // Basic credentials on every call and no session: there is no cookie a forged request could ride on
        .csrf(AbstractHttpConfigurer::disable)
        // a read riding a webapp session must leave that session as it is: a changed session id (fixation
        // protection) logged Cockpit out while its own requests were in flight (the dashboard plugin reads /api)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain engineOwnedPaths(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(paths("/engine-rest/**", "/camunda/**", "/actuator/health/**", "/actuator/health", "/error"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // the webapps have their own CSRF prevention filter; /engine-rest is stateless Basic
        .csrf(AbstractHttpConfigurer::disable)
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .build();
  }

  /**
   * The staff web app: a login page and a session (the webapps' own session entry, so one login serves the app,
   * Tasklist and Cockpit), CSRF tokens on every change, a content security policy that allows only our own files.
   * Its static files, the login page and the offline page are open (they carry no data); everything else needs the
   * login, and a request whose session expired is sent to the login page (an htmx request is told by header to go
   * there, so a fragment never shows the login page inside a page).
   */
  @Bean
  @Order(3)
  SecurityFilterChain staffWebApp(HttpSecurity http, EngineIdentityAuthenticationProvider users,
      org.camunda.bpm.engine.ProcessEngine engine) throws Exception {
    return http
        .securityMatcher(paths(STAFF_APP_PATHS))
        .authenticationProvider(users)
        // the session entry is the webapps' (WebappSessionLogin), not a second copy in Spring's own attribute
        .securityContext(context -> context.securityContextRepository(
            new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
        .addFilterBefore(WebappSessionLogin.allRequests(),
            org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths(STAFF_APP_OPEN_PATHS)).permitAll()
            .anyRequest().authenticated())
        // a refused login goes back to the login page without keeping the refusal in the session: Spring Security's
        // own failure handler stores the exception there, with the login attempt and its typed password inside,
        // and the session is a row of the database (SessionStore)
        .formLogin(form -> form.loginPage("/login").successHandler(new StaffAppLogin(engine))
            .failureHandler((request, response, refused) ->
                new DefaultRedirectStrategy().sendRedirect(request, response, "/login?error")))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(new StaffAppLoginEntryPoint()))
        .headers(headers -> headers
            .frameOptions(frames -> frames.sameOrigin())
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob:;"
                + " object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'")))
        .build();
  }

  /** Every path of the staff web app (identity owns the doors; the pages live in the web module). */
  static final String[] STAFF_APP_PATHS = {"/", "/login", "/logout", "/search", "/customers/**", "/deals/**",
      "/today", "/round", "/notifications/**", "/dashboard", "/files/**", "/offline", "/app/**", "/webjars/htmx.org/**",
      "/sw.js", "/manifest.webmanifest"};
  static final String[] STAFF_APP_OPEN_PATHS = {"/login", "/offline", "/app/**", "/webjars/htmx.org/**", "/sw.js",
      "/manifest.webmanifest"};

  /**
   * The pages an issue names as public: the unsubscribe link and the sign-up confirmation (each acts only on a signed
   * token of its own that the page checks), the sign-up form (rate-limited, with a field bots fill; what it records
   * counts for e-mail only once confirmed from the mailbox, so a forged post cannot opt anyone in), the page a
   * customer signs a delivery note on, and the one the reception note is signed on, accepted or refused, on a phone
   * (the random single-use token in the path is each one's capability; their forms also carry an HMAC of the page, so
   * a post made elsewhere without the page is refused). Those two pages show the note in a frame of their own origin,
   * hence frame options SAMEORIGIN instead of DENY. No session: a staff login in the same browser is not seen here,
   * so a reception recorded on a courier's phone is recorded by the link, as the system, never as the courier.
   */
  @Bean
  @Order(4)
  SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(paths("/public/unsubscribe", "/public/signup", "/public/signup/confirm", "/public/sign/**",
            "/public/reception/**"))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(org.springframework.http.HttpMethod.GET, "/public/**").permitAll()
            .requestMatchers(org.springframework.http.HttpMethod.POST, "/public/signup").permitAll()
            .requestMatchers(org.springframework.http.HttpMethod.POST, "/public/sign/**").permitAll()
            .requestMatchers(org.springframework.http.HttpMethod.POST, "/public/reception/**").permitAll()
            .anyRequest().denyAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  @Order(10)
  SecurityFilterChain everythingElse(HttpSecurity http, ObjectMapper json) throws Exception {
    return http
        .authorizeHttpRequests(auth -> auth.anyRequest().denyAll())
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint(ProblemJsonSecurityHandlers.notFound(json))
            .accessDeniedHandler(ProblemJsonSecurityHandlers.notFoundWhenDenied(json)))
        .csrf(AbstractHttpConfigurer::disable)
        // a 404 keeps no request for after a login, so a path nothing serves never makes a session (a database row)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }
}
