package com.relais.crm.opportunity;

import com.relais.crm.deal.DealKey;
import com.relais.crm.identity.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may open a deal: the sales side and admins, anyone granted access (an after-sale task assigned to them), and
 * anyone who works or worked on one of the deal's tasks, directly or through a candidate group.
 */
@Component
public class DealReadPolicy {
  private final DealAccess grants;
  private final HistoryService historyService;
  private final CurrentUser currentUser;

  DealReadPolicy(DealAccess grants, HistoryService historyService, CurrentUser currentUser) {
    this.grants = grants;
    this.historyService = historyService;
    this.currentUser = currentUser;
  }

  /**
   * @param workingGroups groups whose daily work covers this part of every deal (logistics for deliveries), on top
   *     of the sales side, the granted users and those with a task on the deal
   */
  public void requireReadable(long opportunityId, String... workingGroups) {
    if (currentUser.isInAnyGroup(workingGroups)) {
      return;
    }
    if (!canRead(opportunityId)) {
      throw new AccessDeniedException("You have no access to deal " + opportunityId);
    }
  }

  /** Whether the current user may read the deal (without throwing), for lists that leave out what they may not. */
  public boolean canRead(long opportunityId) {
    return canRead(opportunityId, currentUser.id(), currentUser.groups());
  }

  /** Whether this user, a member of these groups, may read the deal: asked before telling them about it. */
  public boolean canRead(long opportunityId, String user, java.util.Set<String> groups) {
    if (grants.canRead(opportunityId, user, groups)) {
      return true;
    }
    String key = DealKey.of(opportunityId);
    if (historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key)
        .taskInvolvedUser(user).count() > 0) {
      return true;
    }
    return groups.stream().anyMatch(group -> historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(key).taskHadCandidateGroup(group).count() > 0);
  }
}
