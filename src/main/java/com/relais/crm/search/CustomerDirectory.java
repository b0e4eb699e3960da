package com.relais.crm.search;

import com.relais.crm.platform.LikePattern;
import com.relais.crm.platform.ScanReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer list as staff filter it: by words of the name or e-mail, category, acquisition source, account
 * manager (the owner of the customer's newest deal) and time since the last exchange. One query; the owner and the
 * last exchange are computed per row only when a filter needs them for every customer, otherwise only for the page.
 * No total count: a page says whether there is a next one (a count over 100 000 customers is what makes lists slow).
 * It scans, so it reads through platform's {@link ScanReads}: on the read replica when one is set and close enough
 * behind the primary (a customer created a moment ago may then appear a moment later).
 */
@Component
public class CustomerDirectory {
  private static final String OWNER = "(select o.owner from opportunity o where o.customer_id = c.id"
      + " order by o.id desc limit 1)";
  /** Private exchanges are left out: their date alone would tell others that something happened. */
  private static final String LAST_EXCHANGE = "(select max(x.starts_at) from communication x"
      + " where x.customer_id = c.id and x.private_entry = false)";

  private final ScanReads scans;

  CustomerDirectory(ScanReads scans) {
    this.scans = scans;
  }

  /** How long ago the last exchange was, as a list filter offers it. */
  public enum LastContact { WITHIN_7_DAYS, WITHIN_30_DAYS, OVER_30_DAYS, OVER_90_DAYS, NEVER }

  public record Filter(String q, String category, String source, String owner, LastContact lastContact) {
    boolean needsComputedColumns() {
      return (owner != null && !owner.isBlank()) || lastContact != null;
    }
  }

  public record Row(long id, String name, String email, String phone, String category, String source, String owner,
      Instant lastExchange) {}

  public record Page(List<Row> rows, int number, boolean hasNext) {}

  @Transactional(readOnly = true)
  public Page find(Filter filter, int page, int size, Instant now) {
    Map<String, Object> params = new HashMap<>();
    List<String> where = new ArrayList<>();
    if (filter.q() != null && !filter.q().isBlank()) {
      where.add("(lower(c.name) like :q escape '\\' or lower(c.email) like :q escape '\\')");
      params.put("q", LikePattern.containing(filter.q()));
    }
    if (filter.category() != null && !filter.category().isBlank()) {
      where.add("c.category = :category");
      params.put("category", filter.category());
    }
    if (filter.source() != null && !filter.source().isBlank()) {
      where.add("c.acquisition_source = :source");
      params.put("source", filter.source());
    }
    String matching = " from customer c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
    String computed = "c.id, c.name, c.email, c.phone, c.category, c.acquisition_source, " + OWNER + " as owner, "
        + LAST_EXCHANGE + " as last_exchange";
    params.put("limit", size + 1);
    params.put("offset", (long) page * size);
    String sql;
    if (filter.needsComputedColumns()) {
      sql = "select * from (select " + computed + matching + ") t" + computedFilters(filter, params, now)
          + " order by t.name, t.id limit :limit offset :offset";
    } else {
      // the page first, then the two subqueries for its rows only
      sql = "select " + computed + " from (select c.*" + matching
          + " order by c.name, c.id limit :limit offset :offset) c order by c.name, c.id";
    }
    String query = sql;
    List<Row> rows = scans.read(on -> on.named().query(query, params, CustomerDirectory::row));
    boolean hasNext = rows.size() > size;
    return new Page(hasNext ? rows.subList(0, size) : rows, page, hasNext);
  }

  private static String computedFilters(Filter filter, Map<String, Object> params, Instant now) {
    List<String> where = new ArrayList<>();
    if (filter.owner() != null && !filter.owner().isBlank()) {
      where.add("t.owner = :owner");
      params.put("owner", filter.owner());
    }
    if (filter.lastContact() != null) {
      switch (filter.lastContact()) {
        case WITHIN_7_DAYS -> where.add("t.last_exchange >= :since");
        case WITHIN_30_DAYS -> where.add("t.last_exchange >= :since");
        case OVER_30_DAYS, OVER_90_DAYS -> where.add("(t.last_exchange is null or t.last_exchange < :since)");
        case NEVER -> where.add("t.last_exchange is null");
      }
      long days = switch (filter.lastContact()) {
        case WITHIN_7_DAYS -> 7;
        case WITHIN_30_DAYS, OVER_30_DAYS -> 30;
        case OVER_90_DAYS -> 90;
        case NEVER -> 0;
      };
      params.put("since", Timestamp.from(now.minus(java.time.Duration.ofDays(days))));
    }
    return " where " + String.join(" and ", where);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    OffsetDateTime last = rs.getObject("last_exchange", OffsetDateTime.class);
    return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
        rs.getString("category"), rs.getString("acquisition_source"), rs.getString("owner"),
        last == null ? null : last.toInstant());
  }
}
