package com.relais.crm.dataexchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.customer.CustomerDetails;
import com.relais.crm.customer.CustomerImports;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.platform.ConflictException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an applied import back, all or nothing: the customers it created are removed and those it updated get their
 * old values back, unless someone changed one of them since (compared by the record's version), in which case
 * nothing is undone and the answer names them.
 */
@Service
class ImportUndo {
  private static final int NAMED_IN_REFUSAL = 10;

  private final ImportStore store;
  private final CustomerImports customers;
  private final CurrentUser currentUser;
  private final ObjectMapper json;
  private final Clock clock;

  ImportUndo(ImportStore store, CustomerImports customers, CurrentUser currentUser, ObjectMapper json, Clock clock) {
    this.store = store;
    this.customers = customers;
    this.currentUser = currentUser;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  ImportStore.ImportJob undo(long importId) {
    ImportStore.ImportJob job = store.get(importId);
    if (job.dryRun()) {
      throw new ConflictException("Import " + importId + " was a dry run: it wrote nothing to undo");
    }
    if (job.status() != ImportStore.Status.DONE) {
      throw new ConflictException("Import " + importId + " is " + job.status() + "; only a finished import can be"
          + " undone");
    }
    List<ImportStore.WrittenRow> written = store.writtenRows(importId);
    List<Long> changedSince = written.stream()
        .filter(row -> !customers.unchangedSince(row.customerId(), row.versionAfter()))
        .map(ImportStore.WrittenRow::customerId).distinct().toList();
    if (!changedSince.isEmpty()) {
      throw new ConflictException(changedSince.size() + " customer(s) of this import were changed since (first: "
          + changedSince.subList(0, Math.min(NAMED_IN_REFUSAL, changedSince.size())) + "); nothing was undone");
    }
    for (ImportStore.WrittenRow row : written) {
      if (row.outcome() == ImportStore.Outcome.CREATED) {
        customers.remove(row.customerId());
      } else {
        customers.restore(row.customerId(), before(row));
      }
    }
    store.undone(importId, currentUser.id(), clock.instant());
    return store.get(importId);
  }

  private CustomerDetails before(ImportStore.WrittenRow row) {
    try {
      return json.readValue(row.previousJson(), CustomerDetails.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("row " + row.rowNo() + " keeps an unreadable previous state", e);
    }
  }
}
