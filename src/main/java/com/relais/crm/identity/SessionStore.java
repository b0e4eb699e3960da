package com.relais.crm.identity;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The browser's sessions are rows of the database (Spring Session JDBC, set up by Spring Boot from
 * {@code spring.session.jdbc.*}; tables by Flyway, V45), so every node reads the same login, CSRF tokens and webapp
 * authentication. What this adds: two requests of one session that store the same new attribute at once (a page and
 * Tasklist's first calls, each making its CSRF token) must not fail on the attribute's primary key, so the attribute
 * is inserted or replaced in one statement, in each database's own words.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {
  /** H2's upsert (the quick start's database); PostgreSQL's is Spring Session's own customizer. */
  static final String H2_CREATE_SESSION_ATTRIBUTE_QUERY = """
      MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
      KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
      VALUES (?, ?, ?)
      """;

  /**
   * Runs after Spring Boot's own customizer (ordered first), which sets the table name and with it every query: a
   * query set before would be replaced.
   */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpsert(DataSource dataSource)
      throws MetaDataAccessException {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    return repository -> {
      if ("PostgreSQL".equals(product)) {
        new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
      } else if ("H2".equals(product)) {
        repository.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE_QUERY);
      }
    };
  }
}
