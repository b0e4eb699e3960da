package com.relais.crm.notification;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each user wants to hear of each kind of event. Without a choice of their own: on screen only, no digest; a
 * task assigned to them also as a task they see in Tasklist anyway, so on screen too.
 */
@Service
class NotificationPreferences {
  static final Set<NotificationChannel> DEFAULT_CHANNELS =
      java.util.Collections.unmodifiableSet(EnumSet.of(NotificationChannel.IN_APP));

  private final JdbcClient jdbc;

  NotificationPreferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  enum Digest {
    NONE, DAILY
  }

  /** One kind's choice. */
  record Preference(EventKind eventKind, Set<NotificationChannel> channels, Digest digest) {}

  @Transactional(readOnly = true)
  Preference of(String userId, EventKind kind) {
    return jdbc.sql("select channels, digest from notification_preference where user_id = ? and event_kind = ?")
        .params(userId, kind.name())
        .query((rs, n) -> new Preference(kind, channels(rs.getString(1)), Digest.valueOf(rs.getString(2))))
        .optional().orElseGet(() -> new Preference(kind, DEFAULT_CHANNELS, Digest.NONE));
  }

  @Transactional(readOnly = true)
  List<Preference> all(String userId) {
    Map<EventKind, Preference> mine = new EnumMap<>(EventKind.class);
    jdbc.sql("select event_kind, channels, digest from notification_preference where user_id = ?").param(userId)
        .query((rs, n) -> new Preference(EventKind.valueOf(rs.getString(1)), channels(rs.getString(2)),
            Digest.valueOf(rs.getString(3))))
        .list().forEach(p -> mine.put(p.eventKind(), p));
    return Arrays.stream(EventKind.values())
        .map(kind -> mine.getOrDefault(kind, new Preference(kind, DEFAULT_CHANNELS, Digest.NONE))).toList();
  }

  /** Replaces the choices for the kinds named; the others keep theirs. All or nothing. */
  @Transactional
  List<Preference> change(String userId, List<Preference> changes) {
    for (Preference p : changes) {
      String channels = p.channels().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
      int updated = jdbc.sql("update notification_preference set channels = ?, digest = ? where user_id = ?"
              + " and event_kind = ?").params(channels, p.digest().name(), userId, p.eventKind().name()).update();
      if (updated == 0) {
        jdbc.sql("insert into notification_preference (user_id, event_kind, channels, digest) values (?, ?, ?, ?)")
            .params(userId, p.eventKind().name(), channels, p.digest().name()).update();
      }
    }
    return all(userId);
  }

  private static Set<NotificationChannel> channels(String csv) {
    if (csv == null || csv.isBlank()) {
      return EnumSet.noneOf(NotificationChannel.class);
    }
    return Arrays.stream(csv.split(",")).map(NotificationChannel::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationChannel.class)));
  }
}
