package com.relais.crm.privacy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an erasure did, as POST /api/customers/{id}/erasure answers it: when, by whom, and how many records of each
 * kind it changed. Numbers only: nothing erased is repeated here or in the erasure's record.
 */
record ErasureSummary(long customerId, Instant erasedAt, String erasedBy, int exchanges, int files, int deals,
    int deliveries, int supportCases, int notifications, int messages, int campaignRecords, int contactRecords,
    int importRows, int routeStops,
    int engineInstances, int engineVariables, int engineVariableUpdates, int engineTasks, int engineComments,
    int auditedRecords) {

  /** The counts as the erasure's record keeps them. */
  @JsonIgnore
  Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("exchanges", exchanges);
    counts.put("files", files);
    counts.put("deals", deals);
    counts.put("deliveries", deliveries);
    counts.put("supportCases", supportCases);
    counts.put("notifications", notifications);
    counts.put("messages", messages);
    counts.put("campaignRecords", campaignRecords);
    counts.put("contactRecords", contactRecords);
    counts.put("importRows", importRows);
    counts.put("routeStops", routeStops);
    counts.put("engineInstances", engineInstances);
    counts.put("engineVariables", engineVariables);
    counts.put("engineVariableUpdates", engineVariableUpdates);
    counts.put("engineTasks", engineTasks);
    counts.put("engineComments", engineComments);
    counts.put("auditedRecords", auditedRecords);
    return counts;
  }
}
