package com.relais.crm.reporting;

import com.relais.crm.platform.ScanReads;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long each stage of a sale usually takes, from the engine's activity history: per user task of the sale, the
 * median and the 90th percentile of the time from its creation to its completion, over the tasks completed in a
 * period. The scan of the history is kept for {@code relais.reports.stage-times-ttl} (a dashboard read every few
 * seconds by a room of managers scans it once), and a stage needs {@value #MIN_SAMPLE} completions to have a usual
 * time at all. The scan reads through platform's {@link ScanReads} (the read replica when one is set and close
 * enough behind the primary); the diagram's stages come from the engine, on the primary.
 */
@Component
class StageTimes {
  static final int MIN_SAMPLE = 5;
  static final String SALE = "sale";
  private static final double DAY_MILLIS = 86_400_000.0;

  record StageTime(String activityId, String activityName, String stage, long completed, double medianDays,
      double p90Days) {
    Duration p90() {
      return Duration.ofMillis((long) (p90Days * DAY_MILLIS));
    }
  }

  private record Kept(Instant at, List<StageTime> times) {}

  private final ScanReads scans;
  private final RepositoryService repository;
  private final Duration ttl;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> stagesByDefinition = new ConcurrentHashMap<>();

  StageTimes(ScanReads scans, RepositoryService repository,
      @Value("${relais.reports.stage-times-ttl:PT10M}") Duration ttl) {
    this.scans = scans;
    this.repository = repository;
    this.ttl = ttl;
  }

  /** The usual times of the sale's stages over tasks completed between {@code from} and {@code to}. */
  List<StageTime> between(Instant from, Instant to) {
    String key = from + "/" + to;
    Kept hit = kept.get(key);
    Instant now = Instant.now();
    if (hit != null && hit.at().plus(ttl).isAfter(now)) {
      return hit.times();
    }
    List<StageTime> times = read(from, to);
    if (kept.size() > 100) {
      kept.clear();
    }
    kept.put(key, new Kept(now, times));
    return times;
  }

  /** Forgets what was read (a test that moved the clock, an analyst who wants it now). */
  void forget() {
    kept.clear();
  }

  private List<StageTime> read(Instant from, Instant to) {
    Map<String, String> stages = stagesOfLatestSale();
    return scans.read(on -> on.jdbc().query("select ACT_ID_, max(ACT_NAME_), count(*),"
            + " percentile_cont(0.5) within group (order by DURATION_),"
            + " percentile_cont(0.9) within group (order by DURATION_)"
            + " from ACT_HI_ACTINST where PROC_DEF_KEY_ = ? and ACT_TYPE_ = 'userTask' and END_TIME_ is not null"
            + " and END_TIME_ >= ? and END_TIME_ < ? group by ACT_ID_ having count(*) >= ? order by ACT_ID_",
        (rs, n) -> new StageTime(rs.getString(1), rs.getString(2), stages.get(rs.getString(1)), rs.getLong(3),
            rs.getDouble(4) / DAY_MILLIS, rs.getDouble(5) / DAY_MILLIS),
        SALE, Timestamp.from(from), Timestamp.from(to), MIN_SAMPLE));
  }

  /** Each user task of the latest sale diagram and the stage it records (its {@code stage} property). */
  private Map<String, String> stagesOfLatestSale() {
    ProcessDefinition sale = repository.createProcessDefinitionQuery().processDefinitionKey(SALE).latestVersion()
        .singleResult();
    if (sale == null) {
      return Map.of();
    }
    return stagesByDefinition.computeIfAbsent(sale.getId(), id -> {
      Map<String, String> stages = new ConcurrentHashMap<>();
      for (UserTask task : repository.getBpmnModelInstance(id).getModelElementsByType(UserTask.class)) {
        if (task.getExtensionElements() == null) {
          continue;
        }
        task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
            .flatMap(properties -> properties.getCamundaProperties().stream())
            .filter(property -> "stage".equals(property.getCamundaName()))
            .findFirst().ifPresent(property -> stages.put(task.getId(), property.getCamundaValue()));
      }
      return stages;
    });
  }
}
