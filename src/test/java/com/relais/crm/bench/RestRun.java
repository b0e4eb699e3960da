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
 *
 * Scenario T drives the same deals against service nodes in JVMs of their own: given several base URLs, each
 * client sends each of its requests to the next node in turn (round robin per request, no stickiness, as the
 * balancer of docker-compose does), and with {@link #retryingConflicts()} a task completion the engine refused with
 * an optimistic-lock conflict is counted and sent again, as a user would.
 */
final class RestRun {
  private static final long WAIT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);
  private static final long POLL_MILLIS = 5;

  final Stats latencies = new Stats();
  final java.util.concurrent.ConcurrentMap<String, Stats> byKind = new java.util.concurrent.ConcurrentHashMap<>();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong deals = new AtomicLong();
  /** Task completions refused with an OptimisticLockingException and sent again (only when retrying conflicts). */
  final AtomicLong conflictRetries = new AtomicLong();
  long elapsedNanos;

  private final List<String> bases;
  private boolean retryConflicts;
  /** Nanoseconds between two requests of all clients together; 0: as fast as they go. */
  private final long intervalNanos;
  private final AtomicLong nextSlot = new AtomicLong();

  RestRun(String base, double requestsPerSecond) {
    this(List.of(base), requestsPerSecond);
  }

  /** Requests go to the nodes of {@code bases} in turn, each client keeping its own turn. */
  RestRun(List<String> bases, double requestsPerSecond) {
    this.bases = List.copyOf(bases);
    this.intervalNanos = requestsPerSecond <= 0 ? 0 : (long) (1e9 / requestsPerSecond);
  }

  /** A completion refused for an optimistic-lock conflict is sent again (up to 10 times) and counted. */
  RestRun retryingConflicts() {
    this.retryConflicts = true;
    return this;
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
      // summed over runs: scenario T drives one RestRun in several rounds (B makes a new one for each run)
      elapsedNanos += System.nanoTime() - start;
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

    /** This client's turn over the nodes, shared by its three users: one thread asks it. */
    private int turn;

    RestHands(String prefix) {
      this.prefix = prefix;
      java.util.function.Supplier<String> nextBase = () -> bases.get(Math.floorMod(turn++, bases.size()));
      for (String user : List.of(DealScript.SALES, DealScript.LOGISTICS, DealScript.FINANCE)) {
        users.put(user, new Http(nextBase, user, latencies, intervalNanos == 0 ? null : RestRun.this::pace)
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
      String path = "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete";
      Http.Answer done = http.post(path, Map.of("variables", typed));
      // the engine rolled the completion back: the task is still open, the same request may be sent again
      for (int retry = 0; retryConflicts && retry < 10 && isOptimisticLockConflict(done); retry++) {
        conflictRetries.incrementAndGet();
        sleep();
        done = http.post(path, Map.of("variables", typed));
      }
      expect(done, 204);
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

  /**
   * /engine-rest answers an OptimisticLockingException with 500; the task resource wraps it ("Cannot complete task
   * ...: ENGINE-03005 ... Entity was updated by another transaction concurrently."), so the message tells it.
   */
  private static boolean isOptimisticLockConflict(Http.Answer answer) {
    String body = answer.body();
    return answer.status() == 500 && body != null && (body.contains("OptimisticLocking")
        || body.contains("updated by another transaction concurrently"));
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
