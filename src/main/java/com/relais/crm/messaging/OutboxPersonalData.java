package com.relais.crm.messaging;

import com.relais.crm.platform.LikePattern;
import com.relais.crm.platform.Mentions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the outbox keeps of a person, for the erasure of their personal data (privacy module): the messages sent to
 * their address (campaign texts, a sign-up confirmation) and the rendered texts that name them (a notification
 * mail to staff about their deal). Outbox rows name no customer, so they are found by address and by text.
 */
@Component
public class OutboxPersonalData {
  static final String RECIPIENT_ERASED = "The recipient's personal data was erased";

  private final JdbcClient jdbc;

  OutboxPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Replaces the recipient of every message to one of {@code addresses} (e-mail or phone, any case) and every
   * mention of the person in subjects and bodies; a message to them still waiting is not sent any more (FAILED).
   *
   * @return how many messages changed
   */
  @Transactional
  public int eraseMentions(Collection<String> addresses, Mentions mentions) {
    List<String> lowerAddresses = addresses.stream().filter(Objects::nonNull).filter(a -> !a.isBlank())
        .map(a -> a.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (!lowerAddresses.isEmpty()) {
      conditions.add("lower(recipient) in (:addresses)");
      params.put("addresses", lowerAddresses);
    }
    List<String> patterns = mentions.likePatterns();
    for (int i = 0; i < patterns.size(); i++) {
      conditions.add("lower(subject) like :p" + i + " escape '" + LikePattern.ESCAPE + "'"
          + " or lower(body) like :p" + i + " escape '" + LikePattern.ESCAPE + "'");
      params.put("p" + i, patterns.get(i));
    }
    if (conditions.isEmpty()) {
      return 0;
    }
    List<Message> messages = jdbc.sql("select id, recipient, subject, body, status, last_error from outbox_message"
            + " where " + String.join(" or ", conditions))
        .params(params)
        .query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .list();
    int changed = 0;
    for (Message message : messages) {
      boolean toThePerson = lowerAddresses.contains(message.recipient().strip().toLowerCase(Locale.ROOT));
      String subject = mentions.erasedFrom(message.subject());
      String body = mentions.erasedFrom(message.body());
      if (!toThePerson && Objects.equals(subject, message.subject()) && Objects.equals(body, message.body())) {
        continue;
      }
      String recipient = toThePerson ? Mentions.ERASED : message.recipient();
      boolean stop = toThePerson && OutboxStatus.PENDING.name().equals(message.status());
      jdbc.sql("update outbox_message set recipient = ?, subject = ?, body = ?, status = ?, last_error = ?"
              + " where id = ?")
          .params(recipient, clip(subject, 300), clip(body, 8000),
              stop ? OutboxStatus.FAILED.name() : message.status(), stop ? RECIPIENT_ERASED : message.lastError(),
              message.id())
          .update();
      changed++;
    }
    return changed;
  }

  private record Message(long id, String recipient, String subject, String body, String status,
      String lastError) {}

  private static String clip(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
