package com.relais.crm.communication;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The quick search's exchanges: the newest ones, visible to the user, in whose subject or details every word typed
 * begins a word ("inv" finds "Invoice", "pallet 12" finds "12 pallets"). On PostgreSQL the stored tsvector of V23
 * answers it, with word statistics that let the planner choose well for common and rare words alike; elsewhere (H2,
 * the embedded default) the same rule is a regular expression. Only ids come back; the caller loads the rows.
 */
@Component
class ExchangeWordSearch {
  /** A longer query is a pasted paragraph, not a search; its first words are enough to find it. */
  static final int MAX_WORDS = 8;
  private static final String NEWEST = " order by c.starts_at desc, c.id desc limit :limit";

  private final NamedParameterJdbcTemplate jdbc;
  private final boolean postgres;

  ExchangeWordSearch(NamedParameterJdbcTemplate jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    try (Connection connection = dataSource.getConnection()) {
      this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
  }

  /** The words of a query as the index holds them: lower case letters and digits, anything else separates. */
  static List<String> wordsOf(String q) {
    return Arrays.stream(q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .limit(MAX_WORDS)
        .toList();
  }

  /** Ids of the newest {@code limit} matching exchanges; private ones only for their author and assignees. */
  List<Long> newest(String q, String userId, boolean admin, int limit) {
    List<String> words = wordsOf(q);
    if (words.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource params = new MapSqlParameterSource("user", userId).addValue("admin", admin)
        .addValue("limit", limit);
    String matching = postgres ? tsQuery(words, params) : likeQuery(words, params);
    return jdbc.queryForList("select c.id from communication c where " + matching + " and " + VisibleExchange.SQL
        + NEWEST, params, Long.class);
  }

  /** Words hold only letters and digits, so they go into the tsquery as they are: 'w1':* & 'w2':*. */
  private static String tsQuery(List<String> words, MapSqlParameterSource params) {
    params.addValue("query", String.join(" & ", words.stream().map(w -> "'" + w + "':*").toList()));
    return "c.search_words @@ to_tsquery('simple', :query)";
  }

  /**
   * H2: a word begins the text or follows a character that is no letter or digit (a space, a hyphen, a bracket),
   * as the tsvector's parser splits words. Java's regular expressions, which H2 runs.
   */
  private static String likeQuery(List<String> words, MapSqlParameterSource params) {
    List<String> each = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      params.addValue("word" + i, "(^|[^\\p{L}\\p{N}])" + words.get(i));
      each.add(String.format("(regexp_like(lower(c.subject), :word%1$d) or regexp_like(lower(c.details), :word%1$d))",
          i));
    }
    return String.join(" and ", each);
  }
}
