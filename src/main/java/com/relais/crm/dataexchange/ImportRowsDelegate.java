package com.relais.crm.dataexchange;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * serviceTask_importRows: one batch, written under the name of the person who started the import (the customers'
 * "created by" and the audit say who imported them, not "system").
 */
@Component("importRows")
class ImportRowsDelegate implements JavaDelegate {
  private final ImportWork work;
  private final ImportStore store;
  private final IdentityService identityService;

  ImportRowsDelegate(ImportWork work, ImportStore store, IdentityService identityService) {
    this.work = work;
    this.store = store;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long importId = ((Number) execution.getVariable(ImportProcess.IMPORT_ID)).longValue();
    String importer = store.get(importId).createdBy();
    List<String> groups = identityService.createGroupQuery().groupMember(importer).list().stream()
        .map(Group::getId).toList();
    var previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(importer, groups);
    try {
      execution.setVariable(ImportProcess.MORE_ROWS, work.nextBatch(importId));
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }
}
