package com.relais.crm.dataexchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.CustomerDetails;
import com.relais.crm.customer.CustomerImports;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One batch of an import's background work, in the transaction of the engine's job: the next rows still PENDING
 * are checked, matched and written (or, in a dry run, only judged), and settled with the counts. A crash undoes the
 * whole batch and the retried job finds the same rows pending, so no row is done twice.
 */
@Service
class ImportWork {
  private final ImportStore store;
  private final CustomerImports customers;
  private final ImportProperties properties;
  private final ObjectMapper json;
  private final Clock clock;

  ImportWork(ImportStore store, CustomerImports customers, ImportProperties properties, ObjectMapper json,
      Clock clock) {
    this.store = store;
    this.customers = customers;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  private record Tally(int[] counts) {
    Tally() {
      this(new int[4]);
    }

    void add(ImportStore.Outcome outcome) {
      switch (outcome) {
        case CREATED -> counts[0]++;
        case UPDATED -> counts[1]++;
        case SKIPPED -> counts[2]++;
        case REJECTED -> counts[3]++;
        default -> throw new IllegalArgumentException(outcome.name());
      }
    }
  }

  /** @return whether rows remain after this batch */
  @Transactional
  boolean nextBatch(long importId) {
    ImportStore.ImportJob job = store.get(importId);
    if (job.status() != ImportStore.Status.RUNNING) {
      return false;
    }
    List<ImportStore.StagedRow> rows = store.pendingRows(importId, properties.batchSize());
    if (rows.isEmpty()) {
      store.finish(importId, ImportStore.Status.DONE, clock.instant());
      return false;
    }
    ColumnMapping mapping = ColumnMapping.of(job.headers(), mappingOf(job));
    RowCheck check = new RowCheck(mapping, job.headers().size(), customers.categories(), job.fileName(), json);
    Tally tally = new Tally();
    for (ImportStore.StagedRow row : rows) {
      tally.add(settle(job, row, check.check(row.columns())));
    }
    int[] c = tally.counts();
    store.count(importId, rows.size(), c[0], c[1], c[2], c[3]);
    return true;
  }

  private ImportStore.Outcome settle(ImportStore.ImportJob job, ImportStore.StagedRow row, RowCheck.Verdict verdict) {
    if (verdict.rejection() != null) {
      return reject(job, row, verdict.rejection());
    }
    RowCheck.Candidate candidate = verdict.candidate();
    Optional<String> sameInFile = sameEarlierRow(job.id(), candidate, row.rowNo());
    if (sameInFile.isPresent()) {
      return reject(job, row, sameInFile.get());
    }
    Optional<CustomerImports.Duplicate> existing =
        customers.duplicateOf(candidate.emailKey(), candidate.phoneKey(), candidate.nameKey());
    if (existing.isPresent() && "SKIP".equals(job.onDuplicate())) {
      store.settle(job.id(), row.rowNo(), ImportStore.Outcome.SKIPPED, "already customer "
          + existing.get().customerId() + " (same " + existing.get().sameWhat() + ")", existing.get().customerId(),
          null, null, candidate);
      return ImportStore.Outcome.SKIPPED;
    }
    if (existing.isPresent()) {
      return update(job, row, candidate, existing.get());
    }
    return create(job, row, candidate);
  }

  private ImportStore.Outcome create(ImportStore.ImportJob job, ImportStore.StagedRow row,
      RowCheck.Candidate candidate) {
    ObjectNode fields = candidate.fields().deepCopy();
    if (!fields.has("acquisitionSource")) {
      fields.put("acquisitionSource", AcquisitionSource.IMPORT.name());
    }
    CustomerDetails details;
    try {
      details = json.treeToValue(fields, CustomerDetails.class);
    } catch (JsonProcessingException e) {
      return reject(job, row, "the row could not be read as a customer: " + e.getOriginalMessage());
    }
    if (job.dryRun()) {
      String refusal = customers.refusalOf(details);
      if (refusal != null) {
        return reject(job, row, refusal);
      }
      store.settle(job.id(), row.rowNo(), ImportStore.Outcome.CREATED, "would be created", null, null, null,
          candidate);
      return ImportStore.Outcome.CREATED;
    }
    CustomerImports.Result result = customers.create(details);
    if (result.refusal() != null) {
      return reject(job, row, result.refusal());
    }
    store.settle(job.id(), row.rowNo(), ImportStore.Outcome.CREATED, null, result.written().customerId(), null,
        result.written().version(), candidate);
    return ImportStore.Outcome.CREATED;
  }

  private ImportStore.Outcome update(ImportStore.ImportJob job, ImportStore.StagedRow row,
      RowCheck.Candidate candidate, CustomerImports.Duplicate existing) {
    if (job.dryRun()) {
      store.settle(job.id(), row.rowNo(), ImportStore.Outcome.UPDATED, "would update customer "
          + existing.customerId() + " (same " + existing.sameWhat() + ")", existing.customerId(), null, null,
          candidate);
      return ImportStore.Outcome.UPDATED;
    }
    CustomerImports.Result result = customers.change(existing.customerId(), candidate.fields());
    if (result.refusal() != null) {
      return reject(job, row, result.refusal());
    }
    if (result.unchanged()) {
      store.settle(job.id(), row.rowNo(), ImportStore.Outcome.SKIPPED, "customer " + existing.customerId()
          + " already holds these values", existing.customerId(), null, null, candidate);
      return ImportStore.Outcome.SKIPPED;
    }
    store.settle(job.id(), row.rowNo(), ImportStore.Outcome.UPDATED, "updated customer " + existing.customerId()
        + " (same " + existing.sameWhat() + ")", existing.customerId(), write(result.written().before()),
        result.written().version(), candidate);
    return ImportStore.Outcome.UPDATED;
  }

  private ImportStore.Outcome reject(ImportStore.ImportJob job, ImportStore.StagedRow row, String reason) {
    store.settle(job.id(), row.rowNo(), ImportStore.Outcome.REJECTED, reason, null, null, null, null);
    return ImportStore.Outcome.REJECTED;
  }

  /** The same person earlier in this file: an e-mail or a phone seen before, or a name with neither. */
  private Optional<String> sameEarlierRow(long importId, RowCheck.Candidate candidate, int rowNo) {
    if (candidate.emailKey() != null) {
      Optional<Integer> earlier = store.earlierRowWith(importId, "email_key", candidate.emailKey(), rowNo);
      if (earlier.isPresent()) {
        return Optional.of("duplicate inside the file: same e-mail as row " + earlier.get());
      }
    }
    if (candidate.phoneKey() != null) {
      Optional<Integer> earlier = store.earlierRowWith(importId, "phone_key", candidate.phoneKey(), rowNo);
      if (earlier.isPresent()) {
        return Optional.of("duplicate inside the file: same phone as row " + earlier.get());
      }
    }
    if (candidate.emailKey() == null && candidate.phoneKey() == null) {
      return store.earlierRowWith(importId, "name_key", candidate.nameKey(), rowNo)
          .map(earlier -> "duplicate inside the file: same name as row " + earlier);
    }
    return Optional.empty();
  }

  private Map<String, String> mappingOf(ImportStore.ImportJob job) {
    try {
      return json.readValue(job.mapping(), new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("import " + job.id() + " has an unreadable mapping", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
