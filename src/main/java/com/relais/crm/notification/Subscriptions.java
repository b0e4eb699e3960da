package com.relais.crm.notification;

import com.relais.crm.customer.CustomerService;
import com.relais.crm.opportunity.DealReadPolicy;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.platform.InvalidFieldException;
import com.relais.crm.platform.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows which customer or deal. Following twice is one subscription. A deal's owner and the assignee of its
 * task are told without following; muting the deal stops that (and following it again undoes it).
 */
@Service
class Subscriptions {
  private static final String COLUMNS = "id, user_id, customer_id, opportunity_id, created_at, muted";

  private final JdbcClient jdbc;
  private final CustomerService customers;
  private final OpportunityService opportunities;
  private final DealReadPolicy dealReadPolicy;
  private final Clock clock;

  Subscriptions(JdbcClient jdbc, CustomerService customers, OpportunityService opportunities,
      DealReadPolicy dealReadPolicy, Clock clock) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.opportunities = opportunities;
    this.dealReadPolicy = dealReadPolicy;
    this.clock = clock;
  }

  record Subscription(long id, String userId, Long customerId, Long opportunityId, java.time.Instant createdAt,
      boolean muted) {}

  /** The subscription and whether it is new (201) or was there already (200). */
  record Followed(Subscription subscription, boolean created) {}

  /** 404 for an unknown customer or deal, 403 for a deal the user may not read; the same twice is one. */
  @Transactional
  Followed follow(String userId, Long customerId, Long opportunityId) {
    return subscribe(userId, customerId, opportunityId, false);
  }

  /** Asks not to be told of a deal at all, not even as its owner or a task's assignee. */
  @Transactional
  Followed mute(String userId, long opportunityId) {
    return subscribe(userId, null, opportunityId, true);
  }

  private Followed subscribe(String userId, Long customerId, Long opportunityId, boolean muted) {
    if ((customerId == null) == (opportunityId == null)) {
      throw new InvalidFieldException(customerId == null ? "customerId" : "opportunityId",
          "Name either a customerId or an opportunityId to follow");
    }
    if (customerId != null && !customers.exists(customerId)) {
      throw new NotFoundException("Customer", customerId);
    }
    if (opportunityId != null) {
      opportunities.get(opportunityId);
      if (!dealReadPolicy.canRead(opportunityId)) {
        throw new AccessDeniedException("You have no access to deal " + opportunityId);
      }
    }
    Optional<Subscription> existing = find(userId, customerId, opportunityId);
    if (existing.isPresent()) {
      if (existing.get().muted() != muted) {
        jdbc.sql("update subscription set muted = ? where id = ?").params(muted, existing.get().id()).update();
        return new Followed(find(userId, customerId, opportunityId).orElseThrow(), false);
      }
      return new Followed(existing.get(), false);
    }
    jdbc.sql("insert into subscription (user_id, customer_id, opportunity_id, created_at, muted)"
            + " values (?, ?, ?, ?, ?)")
        .params(userId, customerId, opportunityId, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), muted)
        .update();
    return new Followed(find(userId, customerId, opportunityId).orElseThrow(), true);
  }

  @Transactional(readOnly = true)
  List<Subscription> of(String userId) {
    return jdbc.sql("select " + COLUMNS + " from subscription where user_id = ? order by created_at desc, id desc")
        .param(userId).query(Subscriptions::row).list();
  }

  /** Stops following; someone else's subscription is a 404 like a missing one. */
  @Transactional
  void stop(String userId, long id) {
    if (jdbc.sql("delete from subscription where id = ? and user_id = ?").params(id, userId).update() == 0) {
      throw new NotFoundException("Subscription", id);
    }
  }

  /** Who follows the customer or the deal, and who asked not to be told of the deal (a muted row names a deal). */
  record Audience(Set<String> followers, Set<String> muted) {}

  /** Both halves of the {@link Audience} in one query: this runs at every event of every deal. */
  @Transactional(readOnly = true)
  Audience audienceOf(Long customerId, Long opportunityId) {
    Set<String> followers = new HashSet<>();
    Set<String> muted = new HashSet<>();
    jdbc.sql("select user_id, muted from subscription where customer_id = ? or opportunity_id = ?")
        .params(customerId, opportunityId)
        .query(rs -> {
          (rs.getBoolean(2) ? muted : followers).add(rs.getString(1));
        });
    return new Audience(Set.copyOf(followers), Set.copyOf(muted));
  }

  private static Subscription row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    long customer = rs.getLong("customer_id");
    Long customerId = rs.wasNull() ? null : customer;
    long deal = rs.getLong("opportunity_id");
    Long opportunityId = rs.wasNull() ? null : deal;
    return new Subscription(rs.getLong("id"), rs.getString("user_id"), customerId, opportunityId,
        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("muted"));
  }

  private Optional<Subscription> find(String userId, Long customerId, Long opportunityId) {
    return jdbc.sql("select " + COLUMNS + " from subscription where user_id = ? and "
            + (customerId != null ? "customer_id = ?" : "opportunity_id = ?"))
        .params(userId, customerId != null ? customerId : opportunityId).query(Subscriptions::row).optional();
  }
}
