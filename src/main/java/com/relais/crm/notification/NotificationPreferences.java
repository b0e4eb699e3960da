package com.relais.crm.notification;

import com.relais.crm.platform.ShortMemory;
import java.time.Duration;
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
  /**
   * How long the dispatcher may use a person's choices without reading them again, as for the message texts: a
   * deal's owner is told of most of its steps, a few seconds apart. A change made on this node counts at once.
   */
  static final Duration REMEMBERED_FOR = Duration.ofSeconds(10);

  private final JdbcClient jdbc;
  /** Each user's own choices, by kind (the kinds they never chose are absent). */
  private final ShortMemory<String, Map<EventKind, Preference>> remembered =
      new ShortMemory<>(REMEMBERED_FOR, 10_000);

  NotificationPreferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  enum Digest {
    NONE, DAILY
  }

  /** One kind's choice. */
  record Preference(EventKind eventKind, Set<NotificationChannel> channels, Digest digest) {}

  /** Each kind's choice for someone who made none: made once, as it is asked for at every event told. */
  private static final Map<EventKind, Preference> DEFAULTS = Arrays.stream(EventKind.values()).collect(
      Collectors.toMap(kind -> kind, kind -> new Preference(kind, DEFAULT_CHANNELS, Digest.NONE), (a, b) -> a,
          () -> new EnumMap<>(EventKind.class)));

  /**
   * The choice the dispatcher goes by, read at most {@link #REMEMBERED_FOR} ago: all of the user's kinds in one
   * read. Runs in the caller's transaction (the event's), if any.
   */
  Preference of(String userId, EventKind kind) {
    return remembered.get(userId, this::chosenBy).getOrDefault(kind, byDefault(kind));
  }

  /** Every kind's choice as it is now, for the user's own settings screen. */
  @Transactional(readOnly = true)
  List<Preference> all(String userId) {
    Map<EventKind, Preference> mine = chosenBy(userId);
    return Arrays.stream(EventKind.values()).map(kind -> mine.getOrDefault(kind, byDefault(kind))).toList();
  }

  private Map<EventKind, Preference> chosenBy(String userId) {
    Map<EventKind, Preference> mine = new EnumMap<>(EventKind.class);
    jdbc.sql("select event_kind, channels, digest from notification_preference where user_id = ?").param(userId)
        .query((rs, n) -> new Preference(EventKind.valueOf(rs.getString(1)), channels(rs.getString(2)),
            Digest.valueOf(rs.getString(3))))
        .list().forEach(p -> mine.put(p.eventKind(), p));
    return java.util.Collections.unmodifiableMap(mine);
  }

  /** After choices were changed around this class (an SQL fix, a test's set-up), so the next event reads them. */
  void forgetRemembered() {
    remembered.forgetAll();
  }

  private static Preference byDefault(EventKind kind) {
    return DEFAULTS.get(kind);
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
    remembered.forget(userId);
    return all(userId);
  }

  private static Set<NotificationChannel> channels(String csv) {
    if (csv == null || csv.isBlank()) {
      return Set.of();
    }
    // unmodifiable: the dispatcher's remembered choices are handed to every event
    return java.util.Collections.unmodifiableSet(Arrays.stream(csv.split(",")).map(NotificationChannel::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationChannel.class))));
  }
}
