package com.relais.crm.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.relais.crm.HttpTest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the search must use the trigram indexes of V11/V13, not a table scan. Sequential scans are
 * switched off for the session so the plan shows whether an index can serve the query at all, whatever the
 * table's size. Skipped on H2.
 */
@HttpTest
class SearchIndexPostgresTest {
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void onPostgresOnly() {
    String url = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
    assumeTrue(url != null && url.startsWith("jdbc:postgresql"), "PostgreSQL only");
  }

  @Test
  void exchangeSearchUsesTheTrigramIndexes() {
    // the shape Hibernate generates for CommunicationRepository.matching + visibleTo
    String plan = explain("""
        select c.id from communication c
         where (lower(c.subject) like '%pallet%' escape '\\' or lower(c.details) like '%pallet%' escape '\\')
           and (c.private_entry = false or c.author = 'sales'
                or exists (select 1 from communication_assignee a where a.communication_id = c.id and a.user_id = 'sales'))
         order by c.starts_at desc limit 20""");
    assertThat(plan).contains("communication_subject_trgm_idx").contains("communication_details_trgm_idx");
  }

  /** The quick search's words (ExchangeWordSearch): the GIN index over the stored tsvector of V23 serves them. */
  @Test
  void quickSearchWordsUseTheWordIndex() {
    String plan = explain("select c.id from communication c where c.search_words @@ to_tsquery('simple', '''pallet'':*')");
    assertThat(plan).contains("communication_words_idx");
  }

  @Test
  void attachmentTextSearchUsesTheTrigramIndexes() {
    String plan = explain("""
        select a.id from attachment a
         where lower(a.extracted_text) like '%pallet%' escape '\\' or lower(a.file_name) like '%pallet%' escape '\\'""");
    assertThat(plan).contains("attachment_text_trgm_idx").contains("attachment_name_trgm_idx");
  }

  private String explain(String sql) {
    return jdbc.execute((ConnectionCallback<String>) connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("set enable_seqscan = off");
        try {
          return lines(statement, "explain " + sql);
        } finally {
          // the connection goes back to the pool
          statement.execute("reset enable_seqscan");
        }
      }
    });
  }

  private static String lines(Statement statement, String sql) throws java.sql.SQLException {
    List<String> plan = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        plan.add(rs.getString(1));
      }
    }
    return String.join("\n", plan);
  }

}
