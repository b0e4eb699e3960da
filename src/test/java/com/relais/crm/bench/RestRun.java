package com.relais.crm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario B: the same deals over HTTP only, as Tasklist and a CRM front end would drive them: /api for the CRM
 * (customer, opportunity, signature, carrier quote), /engine-rest for tasks (find, complete) with Basic auth, each
 * task completed by a user of its group. Polls while a step runs on the job executor are requests too.
 */
final class RestRun {
  private static final long WAIT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);
  private static final long POLL_MILLIS = 5;

  final Stats latencies = new Stats();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong deals = new AtomicLong();
  long elapsedNanos;

  private final String base;
  /** Nanoseconds between two requests of all clients together; 0: as fast as they go. */
  private final long intervalNanos;
  private final AtomicLong nextSlot = new AtomicLong();

  RestRun(String base, double requestsPerSecond) {
    this.base = base;
    this.intervalNanos = requestsPerSecond <= 0 ? 0 : (long) (1e9 / requestsPerSecond);
  }

  void run(int dealCount, int clients, String prefix) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    nextSlot.set(start);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          int n;
          while ((n = next.getAndIncrement()) < dealCount) {
            drive(prefix + n);
            deals.incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      elapsedNanos = System.nanoTime() - start;
      pool.shutdownNow();
    }
  }

  double requestsPerSecond() {
    return requests.get() / (elapsedNanos / 1e9);
  }

  double dealsPerSecond() {
    return deals.get() / (elapsedNanos / 1e9);
  }

  private Http as(String user) {
    return new Http(base, user, latencies, intervalNanos == 0 ? null : this::pace);
  }

  /** Open-loop pacing: every request takes the next slot of the shared schedule and waits for it. */
  private void pace() {
    long slot = nextSlot.getAndAdd(intervalNanos);
    long wait;
    while ((wait = slot - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  private void drive(String name) {
    Http sales = as("sales");
    Http logistics = as("logistics");
    Http finance = as("finance");
    try {
      long customerId = expect(sales.post("/api/customers", Map.of("name", "Rest " + name, "category", "PROSPECT",
          "acquisitionSource", "WEBSITE")), 201).json().path("id").asLong();
      long id = expect(sales.post("/api/opportunities", Map.of("customerId", customerId, "title", "Rest deal " + name,
          "amount", 40000, "currency", "EUR")), 201).json().path("id").asLong();
      complete(sales, id, "userTask_qualifyProspect", Map.of("saleOutcome", "OPEN"));
      complete(sales, id, "userTask_prepareProposal", Map.of("saleOutcome", "OPEN"));
      complete(sales, id, "userTask_followUpProposal", Map.of("saleOutcome", "OPEN"));
      complete(sales, id, "userTask_negotiate", Map.of("saleOutcome", "WON", "transport", "EXTERNAL",
          "simplified", false));
      complete(sales, id, "userTask_sendDeliveryNote", Map.of("deliveryNoteSent", true));
      expect(sales.post("/api/opportunities/" + id + "/delivery-note/signature", Map.of("signedBy", "Bench")), 200);
      // 404 until the delivery exists, 409 until it waits for the quote: both are the job executor still working
      long deadline = System.nanoTime() + WAIT_TIMEOUT_NANOS;
      Http.Answer quote;
      while ((quote = logistics.post("/api/opportunities/" + id + "/delivery/carrier-quote", Map.of("amount", 180)))
          .status() != 200) {
        if ((quote.status() != 404 && quote.status() != 409) || System.nanoTime() > deadline) {
          throw new IllegalStateException("quote for deal " + id + ": " + quote);
        }
        sleep();
      }
      complete(logistics, id, "userTask_evaluateTransportCost", Map.of("transport", "EXTERNAL", "transportCost", 180));
      complete(finance, id, "userTask_approveTransport", Map.of("transportApproved", true));
      complete(logistics, id, "userTask_confirmDelivery", Map.of("confirmed", true));
      complete(finance, id, "userTask_payTransport", Map.of("paymentReference", "VIR-" + id));
      complete(logistics, id, "userTask_recordReception", Map.of("receptionOutcome", "POSITIVE"));
    } finally {
      requests.addAndGet(sales.requests + logistics.requests + finance.requests);
    }
  }

  private void complete(Http user, long id, String taskKey, Map<String, Object> variables) {
    long deadline = System.nanoTime() + WAIT_TIMEOUT_NANOS;
    JsonNode tasks;
    while ((tasks = expect(user.get("/engine-rest/task?processInstanceBusinessKey=" + id + "&taskDefinitionKey="
        + taskKey), 200).json()).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("deal " + id + ": no task " + taskKey);
      }
      sleep();
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    expect(user.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
        Map.of("variables", typed)), 204);
  }

  private static Http.Answer expect(Http.Answer answer, int status) {
    if (answer.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + answer);
    }
    return answer;
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
