package com.relais.crm.attachment;

import com.relais.crm.platform.RunOnce;
import java.time.Duration;
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
 *
 * <p>On several nodes: the lease {@value #LEASE} ({@link RunOnce}) lets one node list the bucket per interval (a
 * listing of every object is the costly part, and nodes sweeping at once would only repeat it). The rule above still
 * holds whichever node sweeps: each node removes only what it saw stray on its own earlier sweep, at least an
 * interval before, so a sweep that moves from node to node removes later, never sooner.
 */
@Component
class StraySweep {
  static final String LEASE = "attachment-stray-sweep";

  private static final Logger log = LoggerFactory.getLogger(StraySweep.class);

  private final AttachmentStore store;
  private final AttachmentRepository attachments;
  private final RunOnce runOnce;
  private final Duration every;
  private Set<String> suspects = Set.of();

  StraySweep(AttachmentStore store, AttachmentRepository attachments, RunOnce runOnce,
      AttachmentProperties properties) {
    this.store = store;
    this.attachments = attachments;
    this.runOnce = runOnce;
    this.every = properties.sweepInterval();
  }

  @Scheduled(initialDelayString = "${relais.attachments.sweep-interval:PT1H}",
      fixedDelayString = "${relais.attachments.sweep-interval:PT1H}")
  void onSchedule() {
    // held for most of an interval; at most two intervals (at least an hour) if the sweeping node dies
    Duration atMost = every.multipliedBy(2).compareTo(Duration.ofHours(1)) > 0 ? every.multipliedBy(2)
        : Duration.ofHours(1);
    runOnce.run(LEASE, atMost, every.multipliedBy(4).dividedBy(5), () -> sweep());
  }

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
