package com.relais.crm.timeline;

import com.relais.crm.communication.VisibleExchange;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.NotFoundException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One SQL union over the CRM tables and the engine's task history (the deals' tasks: business key = deal id; the
 * engine stores local time without zone, read in the session's zone, which both JDBC drivers set to the JVM's), sorted and paged by the database: a customer with years of history is never
 * loaded whole. Private exchanges, and the attachments of private exchanges, are filtered in the same query.
 */
@Service
public class Timeline {
  private static final String UNION = """
      select 'COMMUNICATION' as kind, c.id as id, c.starts_at as happened_at, c.subject as title, c.type as detail,
             cast(null as bigint) as opportunity_id, cast(null as varchar(64)) as task_id
        from communication c
       where c.customer_id = :customerId and %1$s
      union all
      select 'ATTACHMENT', a.id, a.uploaded_at, a.file_name, a.content_type, cast(null as bigint), cast(null as varchar(64))
        from attachment a
       where (a.owner_type = 'CUSTOMER' and a.owner_id = :customerId)
          or (a.owner_type = 'OPPORTUNITY' and a.owner_id in (select o.id from opportunity o where o.customer_id = :customerId))
          or (a.owner_type = 'COMMUNICATION' and a.owner_id in
                (select c.id from communication c where c.customer_id = :customerId and %1$s))
      union all
      select 'STAGE_CHANGE', s.id, s.changed_at, s.to_stage, s.from_stage, s.opportunity_id, cast(null as varchar(64))
        from stage_change s join opportunity o on o.id = s.opportunity_id
       where o.customer_id = :customerId
      union all
      select 'COMMENT', sc.id, sc.written_at, sc.comment, sc.stage, sc.opportunity_id, cast(null as varchar(64))
        from stage_comment sc join opportunity o on o.id = sc.opportunity_id
       where o.customer_id = :customerId
      union all
      select 'TASK', cast(null as bigint), cast(t.start_time_ as timestamp(6) with time zone), t.name_,
             t.assignee_, cast(p.business_key_ as bigint), t.id_
        from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_
       where p.business_key_ in (select cast(o.id as varchar(64)) from opportunity o where o.customer_id = :customerId)
      """.formatted(VisibleExchange.SQL);

  private final NamedParameterJdbcTemplate jdbc;
  private final CustomerService customers;
  private final CurrentUser currentUser;

  Timeline(NamedParameterJdbcTemplate jdbc, CustomerService customers, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.customers = customers;
    this.currentUser = currentUser;
  }

  @Transactional(readOnly = true)
  public Page<TimelineEntry> of(long customerId, Pageable page) {
    if (!customers.exists(customerId)) {
      throw new NotFoundException("Customer", customerId);
    }
    Map<String, Object> params = Map.of("customerId", customerId, "user", currentUser.id(),
        "admin", currentUser.isAdmin(), "limit", page.getPageSize(), "offset", page.getOffset());
    long total = jdbc.queryForObject("select count(*) from (" + UNION + ") t", params, Long.class);
    List<TimelineEntry> entries = jdbc.query(
        "select * from (" + UNION + ") t order by happened_at desc, kind, id desc limit :limit offset :offset", params,
        (rs, row) -> new TimelineEntry(rs.getString("kind"), rs.getObject("id", Long.class),
            rs.getObject("happened_at", OffsetDateTime.class).toInstant(), rs.getString("title"), rs.getString("detail"),
            rs.getObject("opportunity_id", Long.class), rs.getString("task_id")));
    return new PageImpl<>(entries, page, total);
  }
}
