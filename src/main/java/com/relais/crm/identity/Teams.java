package com.relais.crm.identity;

import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams of staff: a manager and members. A member of staff is in one team at most, so "their manager" has one
 * answer (escalations, reviews and reports go there); moving someone means taking them out of their team first.
 */
@Service
public class Teams {
  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Teams(JdbcClient jdbc, IdentityService identityService, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.clock = clock;
    this.events = events;
  }

  /** A team as the API shows it. */
  public record Team(long id, String name, String managerId, List<String> memberIds) {}

  @Transactional(readOnly = true)
  public List<Team> list(int page, int size) {
    return jdbc.sql("select id from team order by name limit ? offset ?").params(size, (long) page * size)
        .query(Long.class).list().stream().map(this::get).toList();
  }

  @Transactional(readOnly = true)
  public Team get(long id) {
    return jdbc.sql("select id, name, manager_id from team where id = ?").param(id)
        .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3), members(id)))
        .optional().orElseThrow(() -> new NotFoundException("Team", id));
  }

  /** The team the user is a member of, if any. */
  @Transactional(readOnly = true)
  public Optional<Team> of(String userId) {
    return jdbc.sql("select team_id from team_member where user_id = ?").param(userId).query(Long.class).optional()
        .map(this::get);
  }

  /** The teams this user manages. */
  @Transactional(readOnly = true)
  public List<Team> managedBy(String managerId) {
    return jdbc.sql("select id from team where manager_id = ? order by name").param(managerId).query(Long.class)
        .list().stream().map(this::get).toList();
  }

  @Transactional
  public Team create(String name, String managerId, List<String> memberIds) {
    Set<String> members = check(null, name, managerId, memberIds);
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbc.sql("insert into team (name, manager_id, created_at, updated_at) values (?, ?, ?, ?)")
        .params(name.strip(), managerId, now, now).update();
    long id = idOf(name.strip());
    members.forEach(member -> jdbc.sql("insert into team_member (team_id, user_id) values (?, ?)")
        .params(id, member).update());
    Team created = get(id);
    events.publishEvent(new TeamChanged(null, created));
    return created;
  }

  @Transactional
  public Team change(long id, String name, String managerId, List<String> memberIds) {
    Team before = get(id);
    Set<String> members = check(id, name, managerId, memberIds);
    jdbc.sql("update team set name = ?, manager_id = ?, updated_at = ? where id = ?")
        .params(name.strip(), managerId, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id).update();
    jdbc.sql("delete from team_member where team_id = ?").param(id).update();
    members.forEach(member -> jdbc.sql("insert into team_member (team_id, user_id) values (?, ?)")
        .params(id, member).update());
    Team after = get(id);
    events.publishEvent(new TeamChanged(before, after));
    return after;
  }

  private long idOf(String name) {
    return jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single();
  }

  private List<String> members(long teamId) {
    return jdbc.sql("select user_id from team_member where team_id = ? order by user_id").param(teamId)
        .query(String.class).list();
  }

  /** 400 naming a blank name or an unknown user, 409 for a taken name or a member of another team. */
  private Set<String> check(Long teamId, String name, String managerId, List<String> memberIds) {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new InvalidFieldException("name", "name: 1 to 100 characters");
    }
    if (managerId == null || !exists(managerId)) {
      throw new InvalidFieldException("managerId", "managerId: no user '" + managerId + "'");
    }
    Set<String> members = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
    for (String member : members) {
      if (member == null || !exists(member)) {
        throw new InvalidFieldException("memberIds", "memberIds: no user '" + member + "'");
      }
      jdbc.sql("select t.name from team_member m join team t on t.id = m.team_id where m.user_id = ? and t.id <> ?")
          .params(member, teamId == null ? -1L : teamId).query(String.class).optional().ifPresent(other -> {
            throw new ConflictException(member + " is a member of team '" + other + "'; a member of staff is in one"
                + " team: take them out of it first");
          });
    }
    jdbc.sql("select id from team where name = ? and id <> ?").params(name.strip(), teamId == null ? -1L : teamId)
        .query(Long.class).optional().ifPresent(other -> {
          throw new ConflictException("A team named '" + name.strip() + "' exists");
        });
    return members;
  }

  private boolean exists(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }
}
