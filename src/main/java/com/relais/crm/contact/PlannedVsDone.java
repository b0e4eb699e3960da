package com.relais.crm.contact;

import com.relais.crm.communication.ContactHistory;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.StaffDirectory;
import com.relais.crm.identity.StaffGroups;
import com.relais.crm.identity.Teams;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.ScanReads;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned against done, per person and per team, for a period of due days. Counted from what happened, not from
 * counters kept on the side: the contacts from the engine's task history (a contact task's due and end times, and
 * whether its instance had a manager's task; a scan, on the read replica when one is set), the work-plan items from
 * their rows, the unplanned work from the exchange log.
 *
 * <ul>
 *   <li>planned: contact tasks and plan items due in the period (items a contact recorded count once, as the
 *   contact);
 *   <li>done on time / late: completed by the due time (a contact's deadline, an item's day) or after it;
 *   <li>missed: ended without a result (the manager closed it), or still open after it was due;
 *   <li>escalated: contacts whose deadline passed while open, so that the manager had to decide;
 *   <li>unplanned done: contacts the person logged that no plan asked for;
 *   <li>open: not due yet.
 * </ul>
 */
@Service
class PlannedVsDone {
  private static final String COMPLETED = "completed";

  private final ScanReads scans;
  private final PlanItems items;
  private final ContactPlans plans;
  private final ContactHistory exchanges;
  private final Teams teams;
  private final StaffDirectory staff;
  private final StaffScope scope;
  private final CurrentUser currentUser;
  private final ContactPlanProperties properties;

  PlannedVsDone(ScanReads scans, PlanItems items, ContactPlans plans, ContactHistory exchanges, Teams teams,
      StaffDirectory staff, StaffScope scope, CurrentUser currentUser, ContactPlanProperties properties) {
    this.scans = scans;
    this.items = items;
    this.plans = plans;
    this.exchanges = exchanges;
    this.teams = teams;
    this.staff = staff;
    this.scope = scope;
    this.currentUser = currentUser;
    this.properties = properties;
  }

  record Row(String userId, int planned, int doneOnTime, int doneLate, int missed, int escalated, int unplannedDone,
      int open) {
    static Row sum(String userId, Collection<Row> rows) {
      return new Row(userId, rows.stream().mapToInt(Row::planned).sum(), rows.stream().mapToInt(Row::doneOnTime).sum(),
          rows.stream().mapToInt(Row::doneLate).sum(), rows.stream().mapToInt(Row::missed).sum(),
          rows.stream().mapToInt(Row::escalated).sum(), rows.stream().mapToInt(Row::unplannedDone).sum(),
          rows.stream().mapToInt(Row::open).sum());
    }
  }

  record TeamTotals(long teamId, String name, String managerId, Row totals) {}

  record Report(LocalDate from, LocalDate to, List<Row> rows, List<TeamTotals> teams) {}

  @Transactional(readOnly = true)
  Report report(LocalDate from, LocalDate to, String userId, Long teamId) {
    com.relais.crm.platform.SaneDates.require("from", from);
    com.relais.crm.platform.SaneDates.require("to", to);
    if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 366) {
      throw new InvalidFieldException("from", "from and to: a period of at most a year, from not after to");
    }
    List<Teams.Team> shownTeams = shownTeams(teamId);
    return count(from, to, shownTeams, people(userId, teamId, shownTeams));
  }

  /**
   * The rows of these people and the totals of these teams, whoever asks: {@link #report} checks the caller's scope
   * and the period first; {@link TeamResults} asks for every team.
   */
  @Transactional(readOnly = true)
  Report count(LocalDate from, LocalDate to, List<Teams.Team> shownTeams, Set<String> people) {
    Instant start = from.atStartOfDay(properties.zone()).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(properties.zone()).toInstant();
    Map<String, Counter> counters = new TreeMap<>();
    people.forEach(person -> counters.put(person, new Counter()));
    Instant now = ClockUtil.getCurrentTime().toInstant();

    countContacts(start, end, now, counters);
    Set<Long> contactExchanges = countItems(from, to, counters);
    Map<String, Set<Long>> logged = exchanges.doneContactsBy(counters.keySet(), start, end);
    Set<Long> loggedIds = new HashSet<>();
    logged.values().forEach(loggedIds::addAll);
    Set<Long> planned = new HashSet<>(plans.contactExchanges(loggedIds));
    planned.addAll(items.fulfilledBy(loggedIds));
    planned.addAll(contactExchanges);
    logged.forEach((author, ids) -> counters.get(author).unplannedDone += (int) ids.stream()
        .filter(id -> !planned.contains(id)).count());

    List<Row> rows = counters.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList();
    List<TeamTotals> totals = shownTeams.stream().map(team -> new TeamTotals(team.id(), team.name(), team.managerId(),
        Row.sum(null, rows.stream().filter(r -> team.memberIds().contains(r.userId())).toList()))).toList();
    return new Report(from, to, rows, totals);
  }

  /** A contact task as the task history keeps it. */
  private record ContactTask(String assignee, Instant due, Instant end, String deleteReason, String instanceId) {}

  /**
   * The contacts come from the engine's task history, read in SQL through platform's {@link ScanReads}: a scan of a
   * period's tasks, on the read replica when one is set and close enough behind (the engine's HistoryService reads
   * the primary only). The engine's own query would also filter by its authorizations; the people counted here are
   * already those the caller may see ({@link #people}), and only counts leave this class.
   */
  private void countContacts(Instant start, Instant end, Instant now, Map<String, Counter> counters) {
    // the engine's taskDueAfter/taskDueBefore: strictly after start - 1 ms, strictly before end
    List<ContactTask> contacts = scans.read(on -> on.jdbc().query("select ASSIGNEE_, DUE_DATE_, END_TIME_,"
            + " DELETE_REASON_, PROC_INST_ID_ from ACT_HI_TASKINST where PROC_DEF_KEY_ = ? and TASK_DEF_KEY_ = ?"
            + " and DUE_DATE_ >= ? and DUE_DATE_ < ?",
        (rs, n) -> new ContactTask(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
            rs.getString(4), rs.getString(5)),
        ContactPlanBpmn.CONTACT_PROCESS_KEY, ContactPlanBpmn.TASK_CONTACT, Timestamp.from(start),
        Timestamp.from(end)));
    // escalated: the contact's instance had a manager's task (its deadline passed while it was open); a contact's
    // business key is its plan's day, and a contact falls due on its plan's day
    List<Object> args = new ArrayList<>(List.of(ContactPlanBpmn.CONTACT_PROCESS_KEY, ContactPlanBpmn.TASK_MISSED));
    start.atZone(properties.zone()).toLocalDate().datesUntil(end.atZone(properties.zone()).toLocalDate())
        .map(LocalDate::toString).forEach(args::add);
    String days = String.join(", ", java.util.Collections.nCopies(args.size() - 2, "?"));
    Set<String> escalated = new HashSet<>(scans.read(on -> on.jdbc().queryForList("select distinct t.PROC_INST_ID_"
        + " from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.PROC_INST_ID_ = t.PROC_INST_ID_"
        + " where t.PROC_DEF_KEY_ = ? and t.TASK_DEF_KEY_ = ? and p.BUSINESS_KEY_ in (" + days + ")",
        String.class, args.toArray())));
    for (ContactTask task : contacts) {
      Counter counter = task.assignee() == null ? null : counters.get(task.assignee());
      if (counter == null || task.due() == null) {
        continue;
      }
      counter.planned++;
      Instant due = task.due();
      if (task.end() != null && COMPLETED.equals(task.deleteReason())) {
        if (task.end().isAfter(due)) {
          counter.doneLate++;
        } else {
          counter.doneOnTime++;
        }
      } else if (task.end() != null || now.isAfter(due)) {
        counter.missed++;
      } else {
        counter.open++;
      }
      if (escalated.contains(task.instanceId())) {
        counter.escalated++;
      }
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** @return the exchanges that fulfilled the counted items (not unplanned work) */
  private Set<Long> countItems(LocalDate from, LocalDate to, Map<String, Counter> counters) {
    List<PlanItem> due = items.dueIn(counters.keySet(), from, to);
    Set<Long> fulfilling = new HashSet<>();
    due.forEach(item -> {
      if (item.exchangeId() != null) {
        fulfilling.add(item.exchangeId());
      }
    });
    Set<Long> recordedByContacts = plans.contactExchanges(fulfilling);
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(properties.zone()).toLocalDate();
    for (PlanItem item : due) {
      Counter counter = counters.get(item.assignee());
      if (counter == null || (item.exchangeId() != null && recordedByContacts.contains(item.exchangeId()))) {
        continue;
      }
      counter.planned++;
      if (item.status() == PlanItem.Status.DONE) {
        LocalDate doneOn = item.doneAt().atZone(properties.zone()).toLocalDate();
        if (doneOn.isAfter(item.dueOn())) {
          counter.doneLate++;
        } else {
          counter.doneOnTime++;
        }
      } else if (item.dueOn().isBefore(today)) {
        counter.missed++;
      } else {
        counter.open++;
      }
    }
    return fulfilling;
  }

  /** The teams whose totals the caller sees: an admin all (or the one asked), a manager those they manage. */
  private List<Teams.Team> shownTeams(Long teamId) {
    List<Teams.Team> visible = currentUser.isAdmin() ? teams.list(0, 1000) : teams.managedBy(currentUser.id());
    if (teamId == null) {
      return visible;
    }
    return List.of(visible.stream().filter(t -> t.id() == teamId).findFirst().orElseThrow(
        () -> new AccessDeniedException("You may read the figures of the teams you manage only")));
  }

  /** Whose rows: the one asked for if the caller answers for them, a team's members, or all the caller answers for. */
  private Set<String> people(String userId, Long teamId, List<Teams.Team> shownTeams) {
    if (userId != null) {
      if (!scope.mayAnswerFor(userId)) {
        throw new AccessDeniedException("You may read your own figures and those of the teams you manage only");
      }
      return Set.of(userId);
    }
    if (teamId != null) {
      return new LinkedHashSet<>(shownTeams.get(0).memberIds());
    }
    Set<String> visible = scope.visibleUsers();
    if (visible != null) {
      return visible;
    }
    Set<String> everyone = new LinkedHashSet<>();
    for (String group : StaffGroups.STAFF) {
      everyone.addAll(staff.membersOf(group));
    }
    return everyone;
  }

  private static final class Counter {
    int planned;
    int doneOnTime;
    int doneLate;
    int missed;
    int escalated;
    int unplannedDone;
    int open;

    Row row(String userId) {
      return new Row(userId, planned, doneOnTime, doneLate, missed, escalated, unplannedDone, open);
    }
  }

  static List<String> header() {
    return new ArrayList<>(List.of("userId", "planned", "doneOnTime", "doneLate", "missed", "escalated",
        "unplannedDone", "open"));
  }
}
