package com.relais.crm.demo;

import com.relais.crm.customer.CustomerService;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The quick start opens on a living CRM: on the first start of the demo profile, on a database without customers,
 * customers, their exchanges and files, and deals at every stage (see {@link DealPlan#PLANS}). A restart, or any
 * database with a customer in it, seeds nothing.
 *
 * <p>Only in the demo profile ({@link DemoSeedEnabled}): the tests, the fault nodes and the benchmark turn the demo
 * users on too, and must keep their databases to themselves.
 *
 * <p>It runs once the application is ready, on a thread of its own: the job executor starts with the ready event
 * and must be running for the deals to move, and a slow or failing seed never holds up or stops the start.
 */
@Component
@DemoSeedEnabled
class DemoSeed {
  private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
  /** The demo company is French: its exchanges happen in office hours, Paris time. */
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private final CustomerService customers;
  private final DemoCustomers demoCustomers;
  private final DemoDeals demoDeals;
  private final DemoExchanges demoExchanges;
  private final DemoFiles demoFiles;
  private final CompletableFuture<SeedSummary> finished = new CompletableFuture<>();

  DemoSeed(CustomerService customers, DemoCustomers demoCustomers, DemoDeals demoDeals, DemoExchanges demoExchanges,
      DemoFiles demoFiles) {
    this.customers = customers;
    this.demoCustomers = demoCustomers;
    this.demoDeals = demoDeals;
    this.demoExchanges = demoExchanges;
    this.demoFiles = demoFiles;
  }

  /** identity's DemoData is an InitializingBean: the users exist before the context is ready, let alone now. */
  @EventListener(ApplicationReadyEvent.class)
  void seedWhenReady() {
    Thread seeding = new Thread(this::seedInBackground, "demo-seed");
    seeding.setDaemon(true);
    seeding.start();
  }

  /** Completed when the seed started at the ready event is over, with what it created. */
  CompletableFuture<SeedSummary> finished() {
    return finished;
  }

  private void seedInBackground() {
    try {
      finished.complete(seedIfEmpty());
    } catch (RuntimeException e) {
      log.warn("The demo data set could not be seeded; the service runs on without it", e);
      finished.completeExceptionally(e);
    } finally {
      if (!finished.isDone()) {
        finished.completeExceptionally(new IllegalStateException("The demo seed stopped without an answer"));
      }
    }
  }

  /**
   * Seeds the data set on a database without customers; on any other, nothing.
   *
   * @return what it created
   */
  synchronized SeedSummary seedIfEmpty() {
    if (customers.search(null, null, PageRequest.of(0, 1)).hasContent()) {
      log.info("Demo data: the database holds customers already, nothing seeded");
      return SeedSummary.NOTHING;
    }
    long started = System.nanoTime();
    Map<String, Long> customerIds = demoCustomers.create();
    List<OpenedDeal> deals = demoDeals.open(customerIds);
    Map<String, Long> dealIds = new LinkedHashMap<>();
    deals.forEach(deal -> dealIds.put(deal.plan().title(), deal.id()));
    int exchanges = demoExchanges.logAll(customerIds, dealIds);
    int files = demoFiles.attach(customerIds);
    DemoDeals.Reached reached = demoDeals.drive(deals);
    SeedSummary summary = new SeedSummary(customerIds.size(), exchanges, files, reached.deals(), reached.stopped());
    log.info("Demo data seeded in {} s: {}", Duration.ofNanos(System.nanoTime() - started).toSeconds(), summary);
    return summary;
  }
}
