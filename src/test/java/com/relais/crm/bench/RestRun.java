package com.relais.crm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
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
  final java.util.concurrent.ConcurrentMap<String, Stats> byKind = new java.util.concurrent.ConcurrentHashMap<>();
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
          RestHands hands = new RestHands(prefix);
          try {
            int n;
            while ((n = next.getAndIncrement()) < dealCount) {
              DealScript.drive(hands, n);
              deals.incrementAndGet();
            }
          } finally {
            requests.addAndGet(hands.requests());
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

  /** Open-loop pacing: every request takes the next slot of the shared schedule and waits for it. */
  private void pace() {
    long slot = nextSlot.getAndAdd(intervalNanos);
    long wait;
    while ((wait = slot - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  /** One client's hands: each deal's requests go out as the user of the task's group. */
  private final class RestHands implements DealScript.Hands {
    private final String prefix;
    private final Map<String, Http> users = new HashMap<>();

    RestHands(String prefix) {
      this.prefix = prefix;
      for (String user : List.of(DealScript.SALES, DealScript.LOGISTICS, DealScript.FINANCE)) {
        users.put(user, new Http(base, user, latencies, intervalNanos == 0 ? null : RestRun.this::pace)
            .countingKinds(byKind));
      }
    }

    long requests() {
      return users.values().stream().mapToLong(http -> http.requests).sum();
    }

    @Override
    public long open(int n) {
      Http sales = users.get(DealScript.SALES);
      long customerId = expect(sales.post("/api/customers", Map.of("name", "Rest " + prefix + n, "category",
          "PROSPECT", "acquisitionSource", "WEBSITE")), 201).json().path("id").asLong();
      return expect(sales.post("/api/opportunities", Map.of("customerId", customerId, "title",
          "Rest deal " + prefix + n, "amount", 40000, "currency", "EUR")), 201).json().path("id").asLong();
    }

    @Override
    public void complete(long deal, String taskKey, String user, Map<String, Object> variables) {
      Http http = users.get(user);
      long deadline = System.nanoTime() + WAIT_TIMEOUT_NANOS;
      JsonNode tasks;
      while ((tasks = expect(http.get("/engine-rest/task?processInstanceBusinessKey=" + deal
          + "&taskDefinitionKey=" + taskKey), 200).json()).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("deal " + deal + ": no task " + taskKey);
        }
        sleep();
      }
      Map<String, Object> typed = new LinkedHashMap<>();
      variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
      expect(http.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
          Map.of("variables", typed)), 204);
    }

    @Override
    public void sign(long deal) {
      expect(users.get(DealScript.SALES).postAsSignatureProvider("/api/opportunities/" + deal
          + "/delivery-note/signature", Map.of("signedBy", "Bench")), 200);
    }

    /** 404 until the delivery exists, 409 until it waits for the quote: both are the job executor still working. */
    @Override
    public void quote(long deal, double amount) {
      long deadline = System.nanoTime() + WAIT_TIMEOUT_NANOS;
      Http.Answer quote;
      while ((quote = users.get(DealScript.LOGISTICS).post("/api/opportunities/" + deal + "/delivery/carrier-quote",
          Map.of("amount", amount))).status() != 200) {
        if ((quote.status() != 404 && quote.status() != 409) || System.nanoTime() > deadline) {
          throw new IllegalStateException("quote for deal " + deal + ": " + quote);
        }
        sleep();
      }
    }
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
