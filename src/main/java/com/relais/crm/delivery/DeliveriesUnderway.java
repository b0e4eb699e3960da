package com.relais.crm.delivery;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The deliveries neither received nor rejected yet: a customer expecting one is worth a call to confirm it. */
@Component
public class DeliveriesUnderway {
  private final JdbcClient jdbc;

  DeliveriesUnderway(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Deal id to the stage its delivery is in. */
  @Transactional(readOnly = true)
  public Map<Long, String> stageByDeal() {
    List<String> finalStages = Arrays.stream(DeliveryStage.values()).filter(DeliveryStage::isFinal)
        .map(Enum::name).toList();
    Map<Long, String> stages = new HashMap<>();
    jdbc.sql("select opportunity_id, stage from delivery where stage not in (:final)").param("final", finalStages)
        .query(rs -> {
          stages.put(rs.getLong(1), rs.getString(2));
        });
    return stages;
  }
}
