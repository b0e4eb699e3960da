package com.relais.crm.notification;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.ShortMemory;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The texts of the notifications, one per event kind and channel, with merge fields in Mustache's {@code {{name}}}
 * form. Each comes with the service; an admin may replace any (a template naming a field that does not exist is
 * refused, naming it) or go back to the built-in one.
 */
@Service
class MessageTemplates {
  /** Every merge field a text may use, with the sample value a changed template is tried with. */
  static final Map<String, Object> FIELDS = sampleFields();

  private static final Map<EventKind, String> HEADLINES = new EnumMap<>(Map.ofEntries(
      Map.entry(EventKind.STAGE_CHANGED, "{{customerName}}, {{dealTitle}}: now {{stage}} (was {{fromStage}})"),
      Map.entry(EventKind.DEAL_WON, "Deal won: {{dealTitle}} for {{customerName}}, {{amount}} {{currency}}"),
      Map.entry(EventKind.DEAL_LOST, "Deal lost: {{dealTitle}} for {{customerName}}"),
      Map.entry(EventKind.DELIVERY_NOTE_SIGNED, "{{customerName}} signed the delivery note of {{dealTitle}}"),
      Map.entry(EventKind.EXCHANGE_LOGGED, "{{exchangeType}} with {{customerName}}: {{subject}}"),
      Map.entry(EventKind.MEETING_REQUESTED, "Meeting with {{customerName}} planned: {{subject}}"),
      Map.entry(EventKind.ATTACHMENT_ADDED, "File {{fileName}} added for {{customerName}}"),
      Map.entry(EventKind.SUPPORT_CASE_OPENED, "Support case for {{customerName}} ({{dealTitle}}): {{reason}}"),
      Map.entry(EventKind.SUPPORT_CASE_RESOLVED, "Support case resolved for {{customerName}} ({{dealTitle}})"),
      Map.entry(EventKind.TASK_ASSIGNED, "Task for you: {{taskName}} ({{customerName}}, {{dealTitle}})"),
      Map.entry(EventKind.TASK_OVERDUE, "Overdue: {{taskName}} ({{customerName}}, {{dealTitle}})"),
      Map.entry(EventKind.CONTACT_MISSED, "Contact missed: {{customerName}} ({{who}}, {{planDate}})"),
      Map.entry(EventKind.CAMPAIGN_REPLY, "Reply from {{customerName}}: {{subject}}")));
  private static final String MAIL_BODY = "{{headline}}\n\n{{who}} on {{customerName}}'s record.\n\nOpen: {{link}}\n\n"
      + "-- \nRelais CRM. You receive this because of your notification preferences ({{preferencesLink}}).";
  private static final Pattern UNKNOWN_FIELD = Pattern.compile("No key, method or field with name '([^']+)'");

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final Clock clock;
  private static final java.time.Duration REMEMBERED_FOR = java.time.Duration.ofSeconds(10);
  private final ShortMemory<String, Template> cache = new ShortMemory<>(REMEMBERED_FOR, 1_000);
  private final Mustache.Compiler lenient = Mustache.compiler().escapeHTML(false).defaultValue("");
  /** Texts compiled once each (two or three per recipient otherwise); emptied with the texts on a change here. */
  private final Map<String, com.samskivert.mustache.Template> compiled = new java.util.concurrent.ConcurrentHashMap<>();
  private final Mustache.Compiler strict = Mustache.compiler().escapeHTML(false);

  MessageTemplates(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** A template: a subject (e-mails and tasks) and a body. */
  record Template(EventKind eventKind, NotificationChannel channel, String subject, String body, boolean builtIn) {}

  /** A rendered text. */
  record Text(String subject, String body) {}

  static Template builtIn(EventKind kind, NotificationChannel channel) {
    String headline = HEADLINES.get(kind);
    return switch (channel) {
      case EMAIL -> new Template(kind, channel, headline, MAIL_BODY, true);
      case TASK -> new Template(kind, channel, headline, "{{headline}}\n\n{{link}}", true);
      case IN_APP, SMS -> new Template(kind, channel, null, headline, true);
    };
  }

  /**
   * The text in force. Read through a short cache: every recipient of every event needs one or two, and they change
   * rarely; a change made here applies at once, one made on another node within {@link #REMEMBERED_FOR}.
   */
  Template of(EventKind kind, NotificationChannel channel) {
    return cache.get(kind + "/" + channel, key -> read(kind, channel));
  }

  private Template read(EventKind kind, NotificationChannel channel) {
    return jdbc.sql("select subject, body from message_template where event_kind = ? and channel = ?")
        .params(kind.name(), channel.name())
        .query((rs, n) -> new Template(kind, channel, rs.getString(1), rs.getString(2), false))
        .optional().orElseGet(() -> builtIn(kind, channel));
  }

  @Transactional(readOnly = true)
  List<Template> all() {
    List<Template> all = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      for (NotificationChannel channel : NotificationChannel.values()) {
        all.add(of(kind, channel));
      }
    }
    return all;
  }

  /** An admin's text; checked against the merge fields before it is kept. */
  @Transactional
  Template change(EventKind kind, NotificationChannel channel, String subject, String body) {
    check("subject", subject);
    check("body", body);
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    int updated = jdbc.sql("update message_template set subject = ?, body = ?, updated_by = ?, updated_at = ?"
            + " where event_kind = ? and channel = ?")
        .params(subject, body, currentUser.id(), now, kind.name(), channel.name()).update();
    if (updated == 0) {
      jdbc.sql("insert into message_template (event_kind, channel, subject, body, updated_by, updated_at)"
              + " values (?, ?, ?, ?, ?, ?)")
          .params(kind.name(), channel.name(), subject, body, currentUser.id(), now).update();
    }
    cache.forgetAll();
    compiled.clear();
    return of(kind, channel);
  }

  @Transactional
  Template reset(EventKind kind, NotificationChannel channel) {
    jdbc.sql("delete from message_template where event_kind = ? and channel = ?").params(kind.name(), channel.name())
        .update();
    cache.forgetAll();
    compiled.clear();
    return of(kind, channel);
  }

  /** The texts for one recipient: the headline first (other templates may include it), then subject and body. */
  Text render(EventKind kind, NotificationChannel channel, Map<String, Object> fields) {
    Template template = of(kind, channel);
    Map<String, Object> context = new LinkedHashMap<>(fields);
    context.put("headline", compiled(Optional.ofNullable(of(kind, NotificationChannel.IN_APP).body())
        .orElse(HEADLINES.get(kind))).execute(fields));
    String subject = template.subject() == null ? null : compiled(template.subject()).execute(context);
    return new Text(subject, compiled(template.body()).execute(context));
  }

  private com.samskivert.mustache.Template compiled(String text) {
    return compiled.computeIfAbsent(text, lenient::compile);
  }

  private void check(String part, String text) {
    if (text == null) {
      return;
    }
    try {
      strict.compile(text).execute(FIELDS);
    } catch (MustacheException e) {
      Matcher unknown = UNKNOWN_FIELD.matcher(String.valueOf(e.getMessage()));
      throw new InvalidFieldException(part, unknown.find()
          ? part + ": unknown merge field '" + unknown.group(1) + "'; known: " + FIELDS.keySet()
          : part + ": not a valid template: " + e.getMessage());
    }
  }

  private static Map<String, Object> sampleFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("headline", "Deal won: Cheese cellar for Fromagerie Leroux, 12500.00 EUR");
    fields.put("kind", "Deal won");
    fields.put("customerName", "Fromagerie Leroux");
    fields.put("customerCategory", "CUSTOMER");
    fields.put("dealTitle", "Cheese cellar");
    fields.put("amount", "12500.00");
    fields.put("currency", "EUR");
    fields.put("stage", "SALE_6_WON");
    fields.put("fromStage", "SALE_5_SIGNATURE");
    fields.put("who", "sales");
    fields.put("link", "http://localhost:8080/api/opportunities/12");
    fields.put("preferencesLink", "http://localhost:8080/api/notification-preferences");
    fields.put("subject", "Call about the delivery slot");
    fields.put("exchangeType", "CALL");
    fields.put("fileName", "signed-note.pdf");
    fields.put("reason", "Two boxes crushed");
    fields.put("taskName", "Qualify the prospect");
    fields.put("signedBy", "Mme Leroux");
    return Map.copyOf(fields);
  }
}
