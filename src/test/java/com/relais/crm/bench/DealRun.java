package com.relais.crm.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Scenarios A and A': K worker threads each take the next deal and drive it from opening to positive reception
 * ({@link DealScript}), completing every task as a user of the task's group through the Java API (engine
 * authorizations apply). Before each task the worker waits for the engine's signal that the task exists
 * ({@link Arrivals}), then finds it with one task query as that user, as Tasklist would, and completes it. The same
 * driver runs against the service (A, {@link Crm}) and the bare engine (A', {@link Bare}); only opening the deal and
 * the two outside signals differ, and each goes through what the side offers for it.
 */
final class DealRun {
  /** What differs between the service and the bare engine. */
  interface Side {
    ProcessEngine engine();

    /** Opens deal {@code n}; answers its business key. */
    long open(int n);

    void sign(long deal);

    void quote(long deal, double amount);
  }

  final Stats completions = new Stats();
  /** The driver's own reads (one task query per task): commits of their own, not the deal's work. */
  final AtomicLong driverReads = new AtomicLong();
  final AtomicLong completedDeals = new AtomicLong();
  long elapsedNanos;

  private final Side side;
  private final Arrivals arrivals;

  DealRun(Side side, Arrivals arrivals) {
    this.side = side;
    this.arrivals = arrivals;
  }

  /** Drives {@code deals} deals with {@code workers} threads; numbers deals from {@code firstNumber}. */
  void run(int deals, int workers, int firstNumber) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    DealScript.Hands hands = new JavaHands();
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(pool.submit(() -> {
          int n;
          while ((n = next.getAndIncrement()) < deals) {
            DealScript.drive(hands, firstNumber + n);
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

  /** The deal script's hands on the Java API of one side. */
  private final class JavaHands implements DealScript.Hands {
    @Override
    public long open(int n) {
      return side.open(n);
    }

    @Override
    public void complete(long deal, String taskKey, String user, Map<String, Object> variables) {
      arrivals.await(deal, taskKey);
      var engine = side.engine();
      engine.getIdentityService().setAuthentication(user, List.of(user));
      try {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(deal))
            .taskDefinitionKey(taskKey).singleResult();
        driverReads.incrementAndGet();
        if (task == null) {
          throw new IllegalStateException("deal " + deal + ": task " + taskKey + " signalled but not visible to " + user);
        }
        long start = System.nanoTime();
        engine.getTaskService().complete(task.getId(), variables);
        completions.add(System.nanoTime() - start);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }

    @Override
    public void sign(long deal) {
      side.sign(deal);
    }

    @Override
    public void quote(long deal, double amount) {
      arrivals.await(deal, DealScript.QUOTE_WAIT);
      side.quote(deal, amount);
    }
  }

  /** A: the service's own beans open the deal and signal it, as its controllers do. */
  record Crm(ApplicationContext context, ProcessEngine engine) implements Side {
    @Override
    public long open(int n) {
      var customer = context.getBean(com.relais.crm.customer.CustomerService.class).create(
          new com.relais.crm.customer.CustomerDetails("Bench Customer " + n, null, null, "5 quai des Docks, Marseille",
              com.relais.crm.customer.CustomerCategory.PROSPECT, com.relais.crm.customer.AcquisitionSource.REFERRAL,
              null, null, null, null));
      return context.getBean(com.relais.crm.opportunity.OpportunityService.class).create(
          new com.relais.crm.opportunity.NewOpportunity(customer.getId(), "Bench deal " + n,
              new BigDecimal("40000"), "EUR", DealScript.SALES, null)).getId();
    }

    @Override
    public void sign(long deal) {
      com.relais.crm.opportunity.BenchAccess.signDeliveryNote(context, deal, "Bench Signer");
    }

    @Override
    public void quote(long deal, double amount) {
      context.getBean(com.relais.crm.delivery.DeliveryProcess.class).receiveQuote(deal, BigDecimal.valueOf(amount));
    }
  }

  /** A': the engine's own API only. */
  record Bare(ProcessEngine engine) implements Side {
    @Override
    public long open(int n) {
      long key = n;
      engine.getRuntimeService().startProcessInstanceByKey("sale", Long.toString(key),
          com.relais.crm.deal.DealVariables.of(key, "Bench Customer " + n, "Bench deal " + n,
              new BigDecimal("40000"), "EUR"));
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
