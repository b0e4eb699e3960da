package com.relais.crm.audit;

import com.relais.crm.identity.TeamChanged;
import com.relais.crm.identity.Teams;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records changes to teams. Identity cannot call the audit (the audit asks identity who is calling), so it tells of
 * the change by event; this listener is synchronous on purpose, so the audit row is written in the same transaction.
 */
@Component
class TeamAudit {
  private final AuditTrail trail;

  TeamAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @EventListener
  void on(TeamChanged change) {
    trail.recordRow("team", change.after().id(), change.before() == null ? null : fields(change.before()),
        fields(change.after()));
  }

  private static Map<String, Object> fields(Teams.Team team) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", team.name());
    fields.put("managerId", team.managerId());
    fields.put("memberIds", String.join(", ", team.memberIds()));
    return fields;
  }
}
