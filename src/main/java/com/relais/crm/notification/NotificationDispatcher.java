package com.relais.crm.notification;

import com.relais.crm.identity.StaffDirectory;
import com.relais.crm.messaging.Channel;
import com.relais.crm.messaging.OutgoingMessage;
import com.relais.crm.messaging.Outbox;
import com.relais.crm.opportunity.DealReadPolicy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides who is told of a {@link Happening} and tells them, in the transaction of the event: the followers of its
 * customer and deal and those told anyway (a deal's owner, a task's assignee) on the channels they chose, and whom
 * the company's rules name on the rules' channels. Never the person who did it, and never anyone who may not read
 * the record at this moment (a private exchange, a deal they have no access to). Each channel's record is written
 * here: the on-screen notification, the outbox row of an e-mail or SMS, an item of a daily digest, a Tasklist task.
 */
@Component
class NotificationDispatcher {
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final Subscriptions subscriptions;
  private final NotificationPreferences preferences;
  private final NotificationRules rules;
  private final MessageTemplates templates;
  private final Notifications inApp;
  private final Outbox outbox;
  private final NotificationTasks tasks;
  private final StaffDirectory staff;
  private final DealReadPolicy dealReadPolicy;
  private final JdbcClient jdbc;
  private final EngineAsSystem engine;
  private final Clock clock;

  NotificationDispatcher(Subscriptions subscriptions, NotificationPreferences preferences, NotificationRules rules,
      MessageTemplates templates, Notifications inApp, Outbox outbox, NotificationTasks tasks, StaffDirectory staff,
      DealReadPolicy dealReadPolicy, JdbcClient jdbc, EngineAsSystem engine, Clock clock) {
    this.engine = engine;
    this.subscriptions = subscriptions;
    this.preferences = preferences;
    this.rules = rules;
    this.templates = templates;
    this.inApp = inApp;
    this.outbox = outbox;
    this.tasks = tasks;
    this.staff = staff;
    this.dealReadPolicy = dealReadPolicy;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * How one person is told: the channels they chose (an e-mail held for their daily digest if they said so) and
   * the channels the company's rules add (never held).
   */
  private record Plan(Set<NotificationChannel> chosen, boolean digest, Set<NotificationChannel> ruled) {}

  void dispatch(Happening happening) {
    engine.run(() -> tellEveryone(happening));
  }

  private void tellEveryone(Happening happening) {
    Map<String, Plan> plans = new LinkedHashMap<>();
    Subscriptions.Audience audience = subscriptions.audienceOf(happening.customerId(), happening.opportunityId());
    Set<String> people = new LinkedHashSet<>(audience.followers());
    people.addAll(happening.toldAnyway());
    people.removeAll(audience.muted());
    // never told of their own act: left out before their preferences are read (many steps are the owner's own)
    people.remove(happening.actor());
    for (String person : people) {
      var preference = preferences.of(person, happening.kind());
      plans.put(person, new Plan(preference.channels(), preference.digest() == NotificationPreferences.Digest.DAILY,
          EnumSet.noneOf(NotificationChannel.class)));
    }
    for (var rule : rules.recipients(happening.kind(), happening.fields())) {
      List<String> ruled = rule.user() != null ? List.of(rule.user()) : staff.membersOf(rule.group());
      for (String person : ruled) {
        plans.computeIfAbsent(person, p -> new Plan(Set.of(), false, EnumSet.noneOf(NotificationChannel.class)))
            .ruled().add(rule.channel());
      }
    }
    plans.remove(happening.actor());
    plans.forEach((person, plan) -> {
      if (plan.chosen().isEmpty() && plan.ruled().isEmpty()) {
        return; // turned every channel off for this kind: nothing to check or write
      }
      if (!mayRead(person, happening)) {
        return;
      }
      Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
      channels.addAll(plan.chosen());
      channels.addAll(plan.ruled());
      channels.forEach(channel -> tell(person, channel,
          plan.digest() && plan.chosen().contains(channel) && !plan.ruled().contains(channel), happening));
    });
  }

  private boolean mayRead(String person, Happening happening) {
    if (!happening.readableBy().test(person)) {
      return false;
    }
    return happening.opportunityId() == null
        || dealReadPolicy.canRead(happening.opportunityId(), person, staff.groupsAsLoggedIn(person));
  }

  private void tell(String person, NotificationChannel channel, boolean digest, Happening happening) {
    Map<String, Object> fields = new LinkedHashMap<>(happening.fields().get());
    fields.put("kind", happening.kind().label);
    var text = templates.render(happening.kind(), channel, fields);
    String link = (String) fields.get("link");
    String key = happening.dedupeKey() + ":" + person + ":" + channel;
    switch (channel) {
      case IN_APP -> inApp.notify(person, happening.kind().name(), text.body(), happening.opportunityId(),
          happening.customerId(), link);
      case TASK -> tasks.raise(person, happening.opportunityId(), text.subject(), text.body(), link);
      case EMAIL -> staff.find(person).map(StaffDirectory.Staff::email).filter(e -> !e.isBlank()).ifPresentOrElse(
          email -> {
            if (digest) {
              jdbc.sql("insert into digest_item (user_id, event_kind, text, created_at) values (?, ?, ?, ?)")
                  .params(person, happening.kind().name(), clip(templates.render(happening.kind(),
                      NotificationChannel.IN_APP, fields).body()), OffsetDateTime.ofInstant(clock.instant(),
                      ZoneOffset.UTC))
                  .update();
            } else {
              outbox.enqueue(new OutgoingMessage(Channel.EMAIL, email, text.subject(), text.body(),
                  "notification:" + happening.kind(), key));
            }
          },
          () -> log.info("{} wants e-mails but has no e-mail address; not told of {}", person, happening.kind()));
      case SMS -> {
        String phone = staff.phoneOf(person);
        if (phone == null) {
          log.info("{} wants SMS but has no phone number (PUT /api/me); not told of {}", person, happening.kind());
        } else {
          outbox.enqueue(new OutgoingMessage(Channel.SMS, phone, null, text.body(), "notification:" + happening.kind(),
              key));
        }
      }
    }
  }

  private static String clip(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
