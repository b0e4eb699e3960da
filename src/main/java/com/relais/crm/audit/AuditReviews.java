package com.relais.crm.audit;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.Teams;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's review of what the team changed: everything since the last review, grouped by person and record, each
 * field with its value before and after; marking the review moves the line to now. A first review looks back
 * {@link #FIRST_LOOK_BACK_DAYS} days.
 */
@Service
class AuditReviews {
  static final int FIRST_LOOK_BACK_DAYS = 30;
  /** A review shows this many changes at most; the rest wait for the next one (the answer says so). */
  static final int MAX_CHANGES = 2000;

  private final JdbcTemplate jdbc;
  private final AuditQueries queries;
  private final Teams teams;
  private final CurrentUser currentUser;
  private final Clock clock;

  AuditReviews(JdbcTemplate jdbc, AuditQueries queries, Teams teams, CurrentUser currentUser, Clock clock) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.teams = teams;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  record FieldChange(Instant at, String field, String from, String to) {}

  record RecordChanges(String by, String entity, String entityId, List<FieldChange> changes) {}

  record SinceReview(Instant since, Instant upTo, List<String> members, int changes, boolean more,
      List<RecordChanges> records) {}

  record Review(String managerId, Instant reviewedUpTo, int changesSeen) {}

  @Transactional(readOnly = true)
  SinceReview sinceLastReview() {
    return sinceLastReview(clock.instant());
  }

  private SinceReview sinceLastReview(Instant upTo) {
    String manager = currentUser.id();
    Instant since = lastReview(manager).orElse(upTo.minusSeconds(FIRST_LOOK_BACK_DAYS * 86_400L));
    List<String> members = members(manager);
    var filter = new AuditQueries.Filter(null, null, since, upTo, members);
    List<AuditChange> changes = new ArrayList<>(queries.changes(filter, 0, MAX_CHANGES + 1));
    changes.addAll(queries.processActions(filter, 0, MAX_CHANGES + 1));
    boolean more = changes.size() > MAX_CHANGES;
    changes.sort((a, b) -> a.at().compareTo(b.at()));
    List<AuditChange> shown = changes.subList(0, Math.min(changes.size(), MAX_CHANGES));
    Map<String, List<AuditChange>> byRecord = new LinkedHashMap<>();
    shown.stream()
        .sorted((a, b) -> (a.by() + a.entity() + a.entityId()).compareTo(b.by() + b.entity() + b.entityId()))
        .forEach(change -> byRecord.computeIfAbsent(change.by() + "\u0000" + change.entity() + "\u0000"
            + change.entityId(), key -> new ArrayList<>()).add(change));
    List<RecordChanges> records = byRecord.values().stream().map(list -> new RecordChanges(list.get(0).by(),
        list.get(0).entity(), list.get(0).entityId(), list.stream()
            .sorted((a, b) -> a.at().compareTo(b.at()))
            .map(c -> new FieldChange(c.at(), c.field(), c.from(), c.to())).toList())).toList();
    return new SinceReview(since, upTo, members, shown.size(), more, records);
  }

  /** Marks everything the team changed up to now as reviewed by the current manager. */
  @Transactional
  Review markReviewed() {
    Instant now = clock.instant();
    SinceReview seen = sinceLastReview(now);
    // with more than a review shows, the line moves only as far as what was shown
    Instant upTo = seen.more() ? seen.records().stream().flatMap(r -> r.changes().stream()).map(FieldChange::at)
        .max(Instant::compareTo).orElse(now) : now;
    jdbc.update("insert into audit_review (manager_id, reviewed_up_to, changes_seen) values (?, ?, ?)",
        currentUser.id(), Timestamp.from(upTo), seen.changes());
    return new Review(currentUser.id(), upTo, seen.changes());
  }

  private Optional<Instant> lastReview(String manager) {
    return jdbc.query("select max(reviewed_up_to) from audit_review where manager_id = ?",
        (rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant), manager).get(0);
  }

  /** The members of the teams this person manages; an admin who manages none reviews everyone's changes. */
  private List<String> members(String manager) {
    TreeSet<String> members = new TreeSet<>();
    teams.managedBy(manager).forEach(team -> members.addAll(team.memberIds()));
    members.remove(manager);
    if (members.isEmpty() && currentUser.isAdmin()) {
      return null;
    }
    return List.copyOf(members);
  }
}
