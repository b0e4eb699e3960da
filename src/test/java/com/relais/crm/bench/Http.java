package com.relais.crm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.SignatureProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small JSON client for the running service, as one demo user (password = user id); times every request. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
      } catch (Exception e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  /** Called before each request (the pacing of the half-rate phase); may be null. */
  interface Pacer {
    void await();
  }

  /** The service's base URL, asked before each request: one node, or the next of several (scenario T). */
  private final java.util.function.Supplier<String> base;
  private final String authorization;
  private final Stats stats;
  private final Pacer pacer;
  /** Latencies by kind of request (method and path with ids left out), when given. */
  private java.util.concurrent.ConcurrentMap<String, Stats> kinds;
  long requests;

  Http(String base, String user, Stats stats, Pacer pacer) {
    this(() -> base, user, stats, pacer);
  }

  /** A client whose requests each go to the base URL {@code base} gives at that moment. */
  Http(java.util.function.Supplier<String> base, String user, Stats stats, Pacer pacer) {
    this.base = base;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
        .getBytes(StandardCharsets.UTF_8));
    this.stats = stats;
    this.pacer = pacer;
  }

  Http countingKinds(java.util.concurrent.ConcurrentMap<String, Stats> byKind) {
    this.kinds = byKind;
    return this;
  }

  /** {@code POST /engine-rest/task/{id}/complete} for every task id: ids (numbers, UUIDs) and the query left out. */
  static String kindOf(String method, URI uri) {
    return method + " " + uri.getPath().replaceAll("/(\\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/|$)", "/{id}");
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base.get() + path)).GET());
  }

  Answer post(String path, Object body) {
    return sendJson("POST", path, body);
  }

  Answer put(String path, Object body) {
    return sendJson("PUT", path, body);
  }

  private Answer sendJson(String method, String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base.get() + path)).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * POST as the external e-signature provider: signed with the tests' shared secret, which the benchmark gives the
   * service (the Basic header every request of this client carries opens nothing on that endpoint).
   */
  Answer postAsSignatureProvider(String path, Object body) {
    try {
      byte[] bytes = JSON.writeValueAsBytes(body);
      return send(HttpRequest.newBuilder(URI.create(base.get() + path)).header("Content-Type", "application/json")
          .header(SignatureProvider.HEADER, SignatureProvider.header(path, bytes))
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  Answer send(HttpRequest.Builder request) {
    if (pacer != null) {
      pacer.await();
    }
    HttpRequest built = request.header("Authorization", authorization).header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60)).build();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - start;
      if (stats != null) {
        stats.add(nanos);
      }
      if (kinds != null) {
        kinds.computeIfAbsent(kindOf(built.method(), built.uri()), k -> new Stats()).add(nanos);
      }
      requests++;
      return new Answer(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e, e);
    }
  }
}
