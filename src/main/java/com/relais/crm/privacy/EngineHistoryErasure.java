package com.relais.crm.privacy;

import com.relais.crm.deal.DealVariables;
import com.relais.crm.platform.Mentions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases a person from the engine's tables. Camunda has no API that changes history, so this writes its tables
 * with SQL, in the erasure's transaction (the engine shares the application's data source and transactions),
 * restricted to the process instances about the customer ({@link EngineRecords}). Table and column names are
 * unquoted: upper case on H2, folded to the lower case Camunda created on PostgreSQL.
 *
 * <ul>
 *   <li>text variables, their current value ({@code ACT_HI_VARINST}, and {@code ACT_RU_VARIABLE} for a notification
 *       task still open) and every earlier value ({@code ACT_HI_DETAIL}): a variable that holds the person
 *       ({@link #PERSONAL_VARIABLES}) or whose text mentions them becomes {@value Mentions#ERASED} whole. Only
 *       {@code string} values: {@code TEXT_} of an object value is its type name, not data;</li>
 *   <li>task names and descriptions (a notification's task is named after its subject) and activity names: the
 *       mentions are replaced;</li>
 *   <li>task comments that mention the person: the message becomes {@value Mentions#ERASED}, the full text goes.</li>
 * </ul>
 * Business keys are deal ids, not personal data, and stay; so do ids, dates, assignees and decisions, which the
 * reports read.
 */
@Component
class EngineHistoryErasure {
  /**
   * Variables whose value is the person whatever it says: the deal's display variables, the contact task's card
   * (customer-contact.bpmn) and the reply's sender and text (campaign-reply.bpmn).
   */
  static final Set<String> PERSONAL_VARIABLES = Set.of(DealVariables.CUSTOMER_NAME, DealVariables.DEAL_CARD,
      "customerPhone", "customerEmail", "replyFrom", "replyText");
  private static final int CHUNK = 200;

  private final JdbcClient jdbc;

  EngineHistoryErasure(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many rows of each kind changed. */
  record Counts(int variables, int variableUpdates, int tasks, int comments) {
    Counts plus(Counts other) {
      return new Counts(variables + other.variables, variableUpdates + other.variableUpdates, tasks + other.tasks,
          comments + other.comments);
    }
  }

  Counts erase(List<String> processInstanceIds, Mentions mentions) {
    Counts counts = new Counts(0, 0, 0, 0);
    for (int from = 0; from < processInstanceIds.size(); from += CHUNK) {
      List<String> chunk = processInstanceIds.subList(from, Math.min(processInstanceIds.size(), from + CHUNK));
      counts = counts.plus(new Counts(
          values("ACT_HI_VARINST", "VAR_TYPE_ = 'string'", false, chunk, mentions)
              + values("ACT_RU_VARIABLE", "TYPE_ = 'string'", true, chunk, mentions),
          // a form property's value is kept in TEXT_ too, without a type
          values("ACT_HI_DETAIL", "(VAR_TYPE_ = 'string' or TYPE_ = 'FormProperty')", false, chunk, mentions),
          names("ACT_HI_TASKINST", "NAME_", "DESCRIPTION_", false, chunk, mentions)
              + names("ACT_RU_TASK", "NAME_", "DESCRIPTION_", true, chunk, mentions)
              + names("ACT_HI_ACTINST", "ACT_NAME_", null, false, chunk, mentions),
          comments(chunk, mentions)));
    }
    return counts;
  }

  /** {@code table} and {@code textOnly} are this class's constants, never input; {@code runtime}: raise REV_. */
  private int values(String table, String textOnly, boolean runtime, List<String> chunk, Mentions mentions) {
    List<Row> rows = jdbc.sql("select ID_, NAME_, TEXT_ from " + table + " where PROC_INST_ID_ in (:ids) and "
            + textOnly + " and TEXT_ is not null")
        .param("ids", chunk).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    int changed = 0;
    for (Row row : rows) {
      boolean personal = PERSONAL_VARIABLES.contains(row.name()) || mentions.foundIn(row.text());
      if (personal && !Mentions.ERASED.equals(row.text())) {
        jdbc.sql("update " + table + " set TEXT_ = ?" + (runtime ? ", REV_ = REV_ + 1" : "") + " where ID_ = ?")
            .params(Mentions.ERASED, row.id()).update();
        changed++;
      }
    }
    return changed;
  }

  /** Replaces mentions in a name column and, when there is one, a description column. */
  private int names(String table, String nameColumn, String descriptionColumn, boolean runtime, List<String> chunk,
      Mentions mentions) {
    if (mentions.isEmpty()) {
      return 0;
    }
    String description = descriptionColumn == null ? "cast(null as varchar(10))" : descriptionColumn;
    List<Row> rows = jdbc.sql("select ID_, " + nameColumn + ", " + description + " from " + table
            + " where PROC_INST_ID_ in (:ids)")
        .param("ids", chunk).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    int changed = 0;
    for (Row row : rows) {
      String name = mentions.erasedFrom(row.name());
      String text = mentions.erasedFrom(row.text());
      if (Objects.equals(name, row.name()) && Objects.equals(text, row.text())) {
        continue;
      }
      String set = nameColumn + " = ?" + (descriptionColumn == null ? "" : ", " + descriptionColumn + " = ?")
          + (runtime ? ", REV_ = REV_ + 1" : "");
      var update = jdbc.sql("update " + table + " set " + set + " where ID_ = ?");
      update = descriptionColumn == null ? update.params(clip(name, 255), row.id())
          : update.params(clip(name, 255), clip(text, 4000), row.id());
      update.update();
      changed++;
    }
    return changed;
  }

  /** Comments on the instances and on their tasks; the full message is bytes, read as UTF-8 to look for mentions. */
  private int comments(List<String> chunk, Mentions mentions) {
    if (mentions.isEmpty()) {
      return 0;
    }
    List<Row> rows = jdbc.sql("select ID_, MESSAGE_, FULL_MSG_ from ACT_HI_COMMENT where PROC_INST_ID_ in (:ids)"
            + " or TASK_ID_ in (select t.ID_ from ACT_HI_TASKINST t where t.PROC_INST_ID_ in (:ids))")
        .param("ids", chunk)
        .query((rs, n) -> {
          byte[] full = rs.getBytes(3);
          return new Row(rs.getString(1), rs.getString(2),
              full == null ? null : new String(full, StandardCharsets.UTF_8));
        })
        .list();
    int changed = 0;
    for (Row row : rows) {
      if (mentions.foundIn(row.name()) || mentions.foundIn(row.text())) {
        jdbc.sql("update ACT_HI_COMMENT set MESSAGE_ = ?, FULL_MSG_ = null where ID_ = ?")
            .params(Mentions.ERASED, row.id()).update();
        changed++;
      }
    }
    return changed;
  }

  /** An id with up to two texts (a name and a value, a name and a description, a message and its full text). */
  private record Row(String id, String name, String text) {}

  private static String clip(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
