package com.relais.crm.privacy;

import com.relais.crm.deal.DealKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The engine's history of a customer, read through Camunda's {@link HistoryService}: the instances of their deals
 * (sale, delivery, after-sale, support, and the Tasklist tasks of notifications about a deal, all under the deal's
 * business key) and the instances about the customer alone (a day's contact, a campaign reply), which carry the
 * customer's id in a {@value #CUSTOMER_ID} variable.
 */
@Component
class EngineRecords {
  /** The variable the customer-contact and campaign-reply processes name their customer with. */
  static final String CUSTOMER_ID = "customerId";

  private final HistoryService history;

  EngineRecords(HistoryService history) {
    this.history = history;
  }

  /** One process instance as the export shows it. */
  record ProcessRecord(String id, String process, String businessKey, String state, Instant startedAt,
      Instant endedAt, List<VariableRecord> variables, List<ActivityRecord> activities) {}

  /** A variable's last value; {@code error} when the engine could not read it. */
  record VariableRecord(String name, String type, Object value, String error) {}

  record ActivityRecord(String activityId, String name, String type, String assignee, Instant startedAt,
      Instant endedAt, boolean canceled) {}

  /** The ids of the historic instances about the customer (running ones included), oldest first. */
  List<String> instanceIdsOf(long customerId, Collection<Long> opportunityIds) {
    Map<String, Date> started = new LinkedHashMap<>();
    if (!opportunityIds.isEmpty()) {
      history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKeyIn(opportunityIds.stream().map(DealKey::of).toArray(String[]::new))
          .list().forEach(instance -> started.put(instance.getId(), instance.getStartTime()));
    }
    Set<String> aboutCustomer = history.createHistoricVariableInstanceQuery()
        .variableValueEquals(CUSTOMER_ID, customerId).disableBinaryFetching().list().stream()
        .map(HistoricVariableInstance::getProcessInstanceId).filter(Objects::nonNull)
        .filter(id -> !started.containsKey(id)).collect(Collectors.toSet());
    if (!aboutCustomer.isEmpty()) {
      history.createHistoricProcessInstanceQuery().processInstanceIds(aboutCustomer).list()
          .forEach(instance -> started.put(instance.getId(), instance.getStartTime()));
    }
    return started.entrySet().stream().sorted(Map.Entry.<String, Date>comparingByValue())
        .map(Map.Entry::getKey).toList();
  }

  /** One instance with its variables and its steps; null when history cleanup removed it meanwhile. */
  ProcessRecord read(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      return null;
    }
    List<VariableRecord> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().orderByVariableName().asc().list()
        .stream().map(EngineRecords::variable).toList();
    List<ActivityRecord> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list().stream().map(EngineRecords::activity).toList();
    return new ProcessRecord(instance.getId(), instance.getProcessDefinitionKey(), instance.getBusinessKey(),
        instance.getState(), instant(instance.getStartTime()), instant(instance.getEndTime()), variables, activities);
  }

  private static VariableRecord variable(HistoricVariableInstance variable) {
    if (variable.getErrorMessage() != null) {
      return new VariableRecord(variable.getName(), variable.getTypeName(), null, variable.getErrorMessage());
    }
    return new VariableRecord(variable.getName(), variable.getTypeName(), exportable(variable.getTypedValue()),
        null);
  }

  /**
   * A value as JSON can hold it: text, numbers and booleans as they are, dates as instants, an object variable as its
   * stored JSON (never deserialized here), a file or bytes by their size only.
   */
  static Object exportable(TypedValue typed) {
    if (typed == null) {
      return null;
    }
    if (typed instanceof FileValue file) {
      return "(file " + file.getFilename() + ")";
    }
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    Object value = typed.getValue();
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof byte[] bytes) {
      return "(" + bytes.length + " bytes)";
    }
    return String.valueOf(value);
  }

  private static ActivityRecord activity(HistoricActivityInstance activity) {
    return new ActivityRecord(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
        activity.getAssignee(), instant(activity.getStartTime()), instant(activity.getEndTime()),
        activity.isCanceled());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
