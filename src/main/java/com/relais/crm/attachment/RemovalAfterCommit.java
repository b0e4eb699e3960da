package com.relais.crm.attachment;

import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes objects from the store once the transaction that dropped their rows has committed, never before: a
 * rolled back change still finds every file it pointed to. A removal that fails after the commit is logged;
 * the sweep of strays ({@link StraySweep}) takes an attachment's object later, any other key stays until an
 * operator removes it (the log names it).
 */
@Component
public class RemovalAfterCommit {
  private static final Logger log = LoggerFactory.getLogger(RemovalAfterCommit.class);

  private final AttachmentStore store;

  RemovalAfterCommit(AttachmentStore store) {
    this.store = store;
  }

  /** Must be called inside the transaction that removes the rows naming {@code keys}. */
  public void removeAfterCommit(Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("Objects are removed after the commit of a transaction; there is none");
    }
    List<String> removed = List.copyOf(keys);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        removed.forEach(RemovalAfterCommit.this::removeQuietly);
      }
    });
  }

  private void removeQuietly(String key) {
    try {
      store.delete(key);
    } catch (RuntimeException e) {
      log.warn("Could not remove {} from the file store after its row was removed: {}", key, e.getMessage());
    }
  }
}
