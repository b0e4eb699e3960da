package com.relais.crm.attachment;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes objects under {@value AttachmentService#KEY_PREFIX} that no attachment row names — left by a crash between
 * writing the object and its row, or by a failed clean-up. An object is removed only when it was already a stray
 * on the previous run, so an upload in flight (object written, row a moment later) is never touched.
 */
@Component
class StraySweep {
  private static final Logger log = LoggerFactory.getLogger(StraySweep.class);

  private final AttachmentStore store;
  private final AttachmentRepository attachments;
  private Set<String> suspects = Set.of();

  StraySweep(AttachmentStore store, AttachmentRepository attachments) {
    this.store = store;
    this.attachments = attachments;
  }

  @Scheduled(initialDelayString = "${relais.attachments.sweep-interval:PT1H}",
      fixedDelayString = "${relais.attachments.sweep-interval:PT1H}")
  synchronized int sweep() {
    Set<String> strays = new HashSet<>();
    int removed = 0;
    for (String key : store.keys(AttachmentService.KEY_PREFIX)) {
      if (attachments.existsByObjectKey(key)) {
        continue;
      }
      if (suspects.contains(key)) {
        store.delete(key);
        removed++;
      } else {
        strays.add(key);
      }
    }
    suspects = Set.copyOf(strays);
    if (!strays.isEmpty()) {
      log.info("Found {} objects without an attachment row (removed on the next sweep if still unclaimed): {}",
          strays.size(), strays.stream().sorted().limit(10).toList());
    }
    if (removed > 0) {
      log.info("Removed {} stray objects from the file store", removed);
    }
    return removed;
  }
}
