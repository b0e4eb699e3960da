package com.relais.crm.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The distances of one plan. Without relais.routing.distance-matrix-url: great-circle at the average speed. With it:
 * one request to a routing service in the format of OSRM's Table service,
 * {@code GET {url}/table/v1/driving/{lon,lat;lon,lat;...}?annotations=distance,duration} with the depot first and
 * the stops in their index order, answered {@code {"code":"Ok","distances":[[metres]],"durations":[[seconds]]}}
 * (OSRM and the services that copy its API answer this). A service that cannot be reached, is slower than
 * relais.routing.distance-matrix-timeout, or answers anything but code Ok with two complete square matrices of the
 * right size falls back to great-circle distances, with a line saying so for the dispatcher: the day's rounds are
 * still planned, never lost to the routing service.
 */
@Component
class RoadDistances {
  private static final Logger log = LoggerFactory.getLogger(RoadDistances.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String BY_ROAD = "Distances and driving times by road, from the routing service.";
  static final String FELL_BACK = "Distances are great-circle at the average speed: the routing service could not"
      + " be used";

  private final RoutingProperties properties;
  private final HttpClient http;

  RoadDistances(RoutingProperties properties) {
    this.properties = properties;
    // HTTP/1.1: OSRM speaks nothing else, and an h2c upgrade offer only confuses some proxies in front of it
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(properties.distanceMatrixTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** The distances a plan uses, and the line its summary gets about them (null: nothing to say, none configured). */
  record Chosen(Distances distances, String note) {}

  /** @param places the depot (index 0) then the stops, each at its index */
  Chosen of(List<Place> places) {
    Distances greatCircle = new GreatCircleDistances(properties.averageSpeedKmh());
    if (properties.distanceMatrixUrl().isEmpty() || places.size() < 2) {
      return new Chosen(greatCircle, null);
    }
    try {
      return new Chosen(matrix(places), BY_ROAD);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallBack(greatCircle, "interrupted", e);
    } catch (UnusableAnswer e) {
      return fallBack(greatCircle, e.getMessage(), null);
    } catch (HttpTimeoutException | TimeoutException e) {
      return fallBack(greatCircle, "no answer within " + seconds(properties.distanceMatrixTimeout()), e);
    } catch (IOException e) {
      // a refused connection may come wrapped, depending on where the client noticed it
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ConnectException) {
          return fallBack(greatCircle, "it could not be reached", e);
        }
      }
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return fallBack(greatCircle, reason, e);
    } catch (RuntimeException e) {
      // whatever else goes wrong on the way (a broken answer, a URL the client refuses) must not lose the plan
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return fallBack(greatCircle, reason, e);
    }
  }

  private Chosen fallBack(Distances greatCircle, String reason, Exception cause) {
    String shortReason = reason.length() <= 160 ? reason : reason.substring(0, 160) + "...";
    log.warn("The rounds use great-circle distances: the routing service's distance matrix could not be used ({})",
        shortReason);
    if (cause != null) {
      log.debug("The routing service's failure", cause);
    }
    return new Chosen(greatCircle, FELL_BACK + " (" + shortReason + ").");
  }

  private MatrixDistances matrix(List<Place> places)
      throws IOException, InterruptedException, TimeoutException, UnusableAnswer {
    for (int i = 0; i < places.size(); i++) {
      if (places.get(i).index() != i) {
        throw new IllegalArgumentException("place " + i + " has index " + places.get(i).index());
      }
    }
    String coordinates = places.stream()
        .map(p -> String.format(Locale.ROOT, "%.6f,%.6f", p.longitude(), p.latitude()))
        .collect(Collectors.joining(";"));
    URI uri = URI.create(properties.distanceMatrixUrl() + "/table/v1/driving/" + coordinates
        + "?annotations=distance,duration");
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(properties.distanceMatrixTimeout())
        .header("Accept", "application/json")
        .GET()
        .build();
    // the request's own timeout ends at the answer's headers; waiting on the future bounds the body too
    CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response;
    try {
      response = sent.get(properties.distanceMatrixTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      sent.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    }
    return parse(response.statusCode(), response.body(), places.size());
  }

  /** The service's answer as a matrix of {@code size} places, or why it cannot be used. */
  static MatrixDistances parse(int status, String body, int size) throws UnusableAnswer {
    JsonNode answer;
    try {
      answer = JSON.readTree(body == null ? "" : body);
    } catch (IOException e) {
      throw new UnusableAnswer("HTTP " + status + ", not JSON");
    }
    if (answer == null || !answer.isObject()) {
      throw new UnusableAnswer("HTTP " + status + ", not a JSON object");
    }
    String code = answer.path("code").asText("");
    if (status != 200 || !"Ok".equals(code)) {
      String message = answer.path("message").asText("");
      throw new UnusableAnswer("HTTP " + status + ", code " + (code.isEmpty() ? "missing" : code)
          + (message.isEmpty() ? "" : ": " + message));
    }
    return new MatrixDistances(square(answer.path("distances"), size, "distances"),
        square(answer.path("durations"), size, "durations"));
  }

  private static double[][] square(JsonNode rows, int size, String name) throws UnusableAnswer {
    if (!rows.isArray() || rows.size() != size) {
      throw new UnusableAnswer(name + " is not a matrix of " + size + " rows");
    }
    double[][] matrix = new double[size][size];
    for (int i = 0; i < size; i++) {
      JsonNode row = rows.get(i);
      if (!row.isArray() || row.size() != size) {
        throw new UnusableAnswer(name + " row " + i + " does not have " + size + " values");
      }
      for (int j = 0; j < size; j++) {
        JsonNode value = row.get(j);
        // OSRM answers null where no road joins two places
        if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0) {
          throw new UnusableAnswer(name + " has no usable value from place " + i + " to place " + j);
        }
        matrix[i][j] = value.asDouble();
      }
    }
    return matrix;
  }

  private static String seconds(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }

  /** An answer that came back but cannot be used; its message says why, for the dispatcher. */
  static final class UnusableAnswer extends Exception {
    UnusableAnswer(String message) {
      super(message);
    }
  }
}
