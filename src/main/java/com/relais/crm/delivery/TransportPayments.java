package com.relais.crm.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transport costs paid in a period. The delivery row keeps the cost and the payment reference but not when the
 * payment was made: that is the completion of finance's payment task, which the engine's task history keeps (for the
 * delivery process's history time to live).
 */
@Component
public class TransportPayments {
  static final String PAY_TASK = "userTask_payTransport";
  private static final String COMPLETED = "completed";
  private static final int IN_LIST = 1000;

  private final HistoryService history;
  private final JdbcClient jdbc;

  TransportPayments(HistoryService history, JdbcClient jdbc) {
    this.history = history;
    this.jdbc = jdbc;
  }

  /** How many deliveries had their transport paid in the period, and the sum of their transport costs. */
  public record Paid(long deliveries, BigDecimal total) {}

  @Transactional(readOnly = true)
  public Paid paidIn(Instant from, Instant to) {
    Set<String> instances = new HashSet<>();
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
        .processDefinitionKey(DeliveryBpmn.PROCESS_KEY).taskDefinitionKey(PAY_TASK)
        .finished().taskDeleteReason(COMPLETED)
        .finishedAfter(Date.from(from.minusMillis(1))).finishedBefore(Date.from(to)).list()) {
      Instant end = task.getEndTime().toInstant();
      if (!end.isBefore(from) && end.isBefore(to)) {
        instances.add(task.getProcessInstanceId());
      }
    }
    List<Long> deals = new ArrayList<>(dealsOf(instances));
    long count = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (int start = 0; start < deals.size(); start += IN_LIST) {
      Paid slice = jdbc.sql("select count(*), coalesce(sum(transport_cost), 0) from delivery"
              + " where opportunity_id in (:deals)")
          .param("deals", deals.subList(start, Math.min(deals.size(), start + IN_LIST)))
          .query((rs, n) -> new Paid(rs.getLong(1), rs.getBigDecimal(2))).single();
      count += slice.deliveries();
      total = total.add(slice.total());
    }
    return new Paid(count, total);
  }

  /** The deals of these delivery instances (a delivery's business key is its deal's id). */
  private Set<Long> dealsOf(Set<String> instanceIds) {
    Set<Long> deals = new HashSet<>();
    List<String> ids = List.copyOf(instanceIds);
    for (int start = 0; start < ids.size(); start += IN_LIST) {
      for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
          .processInstanceIds(new HashSet<>(ids.subList(start, Math.min(ids.size(), start + IN_LIST)))).list()) {
        String key = instance.getBusinessKey();
        if (key != null && key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
          deals.add(Long.parseLong(key));
        }
      }
    }
    return deals;
  }
}
