package com.relais.crm.dataexchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The imports and their staged rows, in plain SQL: rows are written and read in batches. */
@Component
class ImportStore {
  static final int MAX_COLUMNS_JSON = 20_000;

  enum Status { RUNNING, DONE, FAILED, UNDONE }

  enum Outcome { PENDING, CREATED, UPDATED, SKIPPED, REJECTED }

  record ImportJob(long id, String kind, String mode, String onDuplicate, String fileName, String fileType,
      List<String> headers, String mapping, Status status, int rows, int processed, int created, int updated,
      int skipped, int rejected, String createdBy, Instant createdAt, Instant finishedAt, String undoneBy,
      Instant undoneAt) {
    boolean dryRun() {
      return "DRY_RUN".equals(mode);
    }
  }

  record StagedRow(int rowNo, List<String> columns) {}

  record WrittenRow(int rowNo, Outcome outcome, long customerId, long versionAfter, String previousJson) {}

  record RejectedRow(int rowNo, String reason, List<String> columns) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  ImportStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long create(String kind, String mode, String onDuplicate, String fileName, String fileType, List<String> headers,
      String mapping, String by, Instant at) {
    var key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into data_import (kind, mode, on_duplicate, file_name,"
          + " file_type, headers, mapping, status, total_rows, created_by, created_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?, ?)", new String[] {"id"});
      insert.setString(1, kind);
      insert.setString(2, mode);
      insert.setString(3, onDuplicate);
      insert.setString(4, fileName);
      insert.setString(5, fileType);
      insert.setString(6, cut(write(headers.stream().map(h -> h == null ? "" : h.replace("\u0000", "")).toList()),
          4000));
      insert.setString(7, cut(mapping, 4000));
      insert.setString(8, by);
      insert.setTimestamp(9, Timestamp.from(at));
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  /** Stages one file's rows as they are read, a thousand per JDBC batch; one per upload (it is not shared). */
  final class Stager {
    private final long importId;
    private final List<Object[]> pending = new ArrayList<>();

    private Stager(long importId) {
      this.importId = importId;
    }

    void stage(int rowNo, List<String> read) {
      // PostgreSQL keeps no NUL in a text; a file that has one loses only that character
      List<String> columns = read.stream().map(c -> c == null ? "" : c.replace("\u0000", "")).toList();
      String text = write(columns);
      if (text.length() > MAX_COLUMNS_JSON) {
        // kept cut: nobody's customer record is 20 000 characters, and the check rejects what remains for it
        int each = Math.max(1, MAX_COLUMNS_JSON / Math.max(1, columns.size()) - 8);
        text = write(columns.stream().map(c -> cut(c, each)).toList());
      }
      pending.add(new Object[] {importId, rowNo, text});
      if (pending.size() >= 1000) {
        flush();
      }
    }

    void flush() {
      if (!pending.isEmpty()) {
        jdbc.batchUpdate("insert into data_import_row (import_id, row_no, columns_json, outcome)"
            + " values (?, ?, ?, 'PENDING')", pending);
        pending.clear();
      }
    }
  }

  Stager stager(long importId) {
    return new Stager(importId);
  }

  void setTotal(long importId, int rows) {
    jdbc.update("update data_import set total_rows = ? where id = ?", rows, importId);
  }

  private final org.springframework.jdbc.core.RowMapper<ImportJob> jobs = (rs, n) -> new ImportJob(rs.getLong("id"),
      rs.getString("kind"), rs.getString("mode"), rs.getString("on_duplicate"), rs.getString("file_name"),
      rs.getString("file_type"), read(rs.getString("headers")), rs.getString("mapping"),
      Status.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("processed"), rs.getInt("created"),
      rs.getInt("updated"), rs.getInt("skipped"), rs.getInt("rejected"), rs.getString("created_by"),
      instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at")), rs.getString("undone_by"),
      instant(rs.getTimestamp("undone_at")));

  Optional<ImportJob> find(long id) {
    return jdbc.query("select * from data_import where id = ?", jobs, id).stream().findFirst();
  }

  ImportJob get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("Import", id));
  }

  List<ImportJob> recent(int limit) {
    return jdbc.query("select * from data_import order by id desc limit " + limit, jobs);
  }

  List<StagedRow> pendingRows(long importId, int limit) {
    return jdbc.query("select row_no, columns_json from data_import_row where import_id = ? and outcome = 'PENDING'"
        + " order by row_no limit " + limit, (rs, n) -> new StagedRow(rs.getInt(1), read(rs.getString(2))), importId);
  }

  /** The earlier row of this import that is the same person, among those not rejected. */
  Optional<Integer> earlierRowWith(long importId, String column, String key, int beforeRow) {
    return jdbc.queryForList("select min(row_no) from data_import_row where import_id = ? and " + column + " = ?"
        + " and row_no < ? and outcome <> 'REJECTED' and outcome <> 'PENDING'", Integer.class, importId, key,
        beforeRow).stream().filter(java.util.Objects::nonNull).findFirst();
  }

  void settle(long importId, int rowNo, Outcome outcome, String reason, Long customerId, String previousJson,
      Long versionAfter, RowCheck.Candidate keys) {
    jdbc.update("update data_import_row set outcome = ?, reason = ?, customer_id = ?, previous_json = ?,"
        + " version_after = ?, email_key = ?, phone_key = ?, name_key = ? where import_id = ? and row_no = ?",
        outcome.name(), cut(reason, 1000), customerId, previousJson, versionAfter,
        keys == null ? null : keys.emailKey(), keys == null ? null : keys.phoneKey(),
        keys == null ? null : cut(keys.nameKey(), 200), importId, rowNo);
  }

  void count(long importId, int processed, int created, int updated, int skipped, int rejected) {
    jdbc.update("update data_import set processed = processed + ?, created = created + ?, updated = updated + ?,"
        + " skipped = skipped + ?, rejected = rejected + ? where id = ?", processed, created, updated, skipped,
        rejected, importId);
  }

  void finish(long importId, Status status, Instant at) {
    jdbc.update("update data_import set status = ?, finished_at = ? where id = ?", status.name(), Timestamp.from(at),
        importId);
  }

  void undone(long importId, String by, Instant at) {
    jdbc.update("update data_import set status = 'UNDONE', undone_by = ?, undone_at = ? where id = ?", by,
        Timestamp.from(at), importId);
  }

  List<WrittenRow> writtenRows(long importId) {
    return jdbc.query("select row_no, outcome, customer_id, version_after, previous_json from data_import_row"
        + " where import_id = ? and outcome in ('CREATED', 'UPDATED') order by row_no desc", (rs, n) ->
        new WrittenRow(rs.getInt(1), Outcome.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getString(5)),
        importId);
  }

  /** Streams the rejected rows in order, without holding them all. */
  void eachRejected(long importId, Consumer<RejectedRow> consumer) {
    jdbc.query("select row_no, reason, columns_json from data_import_row where import_id = ? and outcome = 'REJECTED'"
        + " order by row_no", rs -> {
          consumer.accept(new RejectedRow(rs.getInt(1), rs.getString(2), read(rs.getString(3))));
        }, importId);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> read(String text) {
    try {
      return java.util.Arrays.asList(json.readValue(text, String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a staged row that is not a JSON array", e);
    }
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, Math.max(0, max));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
