package com.relais.crm.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * Scenarios A and A': K worker threads each take the next deal and drive it from opening to positive reception,
 * completing every task as a user of the task's group through the Java API (engine authorizations apply). The same
 * driver runs against the service (A, {@link Crm}) and the bare engine (A', {@link Bare}); only opening the deal and
 * the two messages differ, and each goes through what the side offers for it.
 */
final class DealRun {
  private static final long WAIT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);
  private static final long POLL_MILLIS = 5;

  /** What differs between the service and the bare engine. */
  interface Side {
    ProcessEngine engine();

    /** Opens deal {@code n}; answers its business key. */
    long open(int n);

    void sign(long deal);

    void quote(long deal, double amount);
  }

  final Stats completions = new Stats();
  /** Reads the driver made while waiting for the job executor (each is a commit of its own). */
  final AtomicLong driverReads = new AtomicLong();
  final AtomicLong completedDeals = new AtomicLong();
  long elapsedNanos;

  private final Side side;

  DealRun(Side side) {
    this.side = side;
  }

  /** Drives {@code deals} deals with {@code workers} threads; numbers deals from {@code firstNumber}. */
  void run(int deals, int workers, int firstNumber) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new java.util.ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(pool.submit(() -> {
          int n;
          while ((n = next.getAndIncrement()) < deals) {
            drive(firstNumber + n);
            completedDeals.incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      elapsedNanos += System.nanoTime() - start;
      pool.shutdownNow();
    }
  }

  double dealsPerSecond() {
    return completedDeals.get() / (elapsedNanos / 1e9);
  }

  private void drive(int n) {
    long deal = side.open(n);
    complete(deal, "userTask_qualifyProspect", "sales", Map.of("saleOutcome", "OPEN"));
    complete(deal, "userTask_prepareProposal", "sales", Map.of("saleOutcome", "OPEN"));
    complete(deal, "userTask_followUpProposal", "sales", Map.of("saleOutcome", "OPEN"));
    complete(deal, "userTask_negotiate", "sales",
        Map.of("saleOutcome", "WON", "transport", "EXTERNAL", "simplified", false));
    complete(deal, "userTask_sendDeliveryNote", "sales", Map.of("deliveryNoteSent", true));
    side.sign(deal);
    awaitQuoteWait(deal);
    side.quote(deal, 180);
    complete(deal, "userTask_evaluateTransportCost", "logistics", Map.of("transport", "EXTERNAL", "transportCost", 180));
    complete(deal, "userTask_approveTransport", "finance", Map.of("transportApproved", true));
    complete(deal, "userTask_confirmDelivery", "logistics", Map.of("confirmed", true));
    complete(deal, "userTask_payTransport", "finance", Map.of("paymentReference", "PAY-" + deal));
    complete(deal, "userTask_recordReception", "logistics", Map.of("receptionOutcome", "POSITIVE"));
  }

  /** Finds the deal's task as the group's user (waiting for the job executor when a step before it is async). */
  private void complete(long deal, String taskKey, String user, Map<String, Object> variables) {
    var engine = side.engine();
    engine.getIdentityService().setAuthentication(user, List.of(user));
    try {
      long deadline = System.nanoTime() + WAIT_TIMEOUT_NANOS;
      Task task;
      while ((task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(deal))
          .taskDefinitionKey(taskKey).singleResult()) == null) {
        driverReads.incrementAndGet();
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("deal " + deal + ": no task " + taskKey + " for " + user);
        }
        sleep();
      }
      driverReads.incrementAndGet();
      long start = System.nanoTime();
      engine.getTaskService().complete(task.getId(), variables);
      completions.add(System.nanoTime() - start);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void awaitQuoteWait(long deal) {
    long deadline = System.nanoTime() + WAIT_TIMEOUT_NANOS;
    while (side.engine().getRuntimeService().createExecutionQuery().processDefinitionKey("delivery")
        .processInstanceBusinessKey(Long.toString(deal)).messageEventSubscriptionName("CarrierQuoteReceived")
        .count() == 0) {
      driverReads.incrementAndGet();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("deal " + deal + ": delivery never waited for the carrier quote");
      }
      sleep();
    }
    driverReads.incrementAndGet();
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A: the service's own beans open the deal and signal it, as its controllers do. */
  record Crm(org.springframework.context.ApplicationContext context, ProcessEngine engine) implements Side {
    @Override
    public long open(int n) {
      var customer = context.getBean(com.relais.crm.customer.CustomerService.class).create(
          new com.relais.crm.customer.CustomerDetails("Bench Customer " + n, null, null, "5 quai des Docks, Marseille",
              com.relais.crm.customer.CustomerCategory.PROSPECT, com.relais.crm.customer.AcquisitionSource.REFERRAL,
              null, null));
      return context.getBean(com.relais.crm.opportunity.OpportunityService.class).create(
          new com.relais.crm.opportunity.NewOpportunity(customer.getId(), "Bench deal " + n,
              new java.math.BigDecimal("40000"), "EUR", "sales", null)).getId();
    }

    @Override
    public void sign(long deal) {
      com.relais.crm.opportunity.BenchAccess.signDeliveryNote(context, deal, "Bench Signer");
    }

    @Override
    public void quote(long deal, double amount) {
      context.getBean(com.relais.crm.delivery.DeliveryProcess.class).receiveQuote(deal,
          java.math.BigDecimal.valueOf(amount));
    }
  }

  /** A': the engine's own API only. */
  record Bare(ProcessEngine engine) implements Side {
    @Override
    public long open(int n) {
      long key = n;
      engine.getRuntimeService().startProcessInstanceByKey("sale", Long.toString(key),
          com.relais.crm.engine.DealVariables.of(key, "Bench Customer " + n, "Bench deal " + n,
              new java.math.BigDecimal("40000"), "EUR"));
      return key;
    }

    @Override
    public void sign(long deal) {
      engine.getRuntimeService().createMessageCorrelation("DeliveryNoteSigned")
          .processInstanceBusinessKey(Long.toString(deal)).setVariable("signedBy", "Bench Signer").correlate();
    }

    @Override
    public void quote(long deal, double amount) {
      engine.getRuntimeService().createMessageCorrelation("CarrierQuoteReceived")
          .processInstanceBusinessKey(Long.toString(deal)).setVariable("carrierQuote", amount).correlate();
    }
  }
}
