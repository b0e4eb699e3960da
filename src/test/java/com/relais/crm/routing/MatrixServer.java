package com.relais.crm.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A routing service of the test's own, in process: it answers OSRM's Table service
 * ({@code GET /table/v1/driving/{lon,lat;...}?annotations=distance,duration}) for whatever places it is asked about,
 * metres by the test's road ({@link Road}), seconds at a steady speed, each value to a tenth as OSRM gives them. It
 * records the requests it gets.
 */
final class MatrixServer implements AutoCloseable {
  /** Metres by road from one place to another, in WGS 84 degrees. */
  interface Road {
    double meters(double fromLat, double fromLon, double toLat, double toLon);
  }

  private final HttpServer server;
  private final List<URI> requests = new CopyOnWriteArrayList<>();

  private MatrixServer(HttpServer server) {
    this.server = server;
  }

  /** Serves the road's matrix, driven at {@code metersPerSecond}. */
  static MatrixServer serving(Road road, double metersPerSecond) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    MatrixServer matrix = new MatrixServer(server);
    server.createContext("/", exchange -> matrix.answer(exchange, road, metersPerSecond));
    server.start();
    return matrix;
  }

  /** Answers every request with this status and body (a broken service). */
  static MatrixServer answering(int status, String body, long delayMillis) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    MatrixServer matrix = new MatrixServer(server);
    server.createContext("/", exchange -> {
      matrix.requests.add(exchange.getRequestURI());
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(exchange, status, body);
    });
    server.start();
    return matrix;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<URI> requests() {
    return requests;
  }

  /** The metres the service gives for one leg, rounded as it answers them. */
  static double served(Road road, double fromLat, double fromLon, double toLat, double toLon) {
    return Math.round(road.meters(fromLat, fromLon, toLat, toLon) * 10) / 10.0;
  }

  private void answer(HttpExchange exchange, Road road, double metersPerSecond) throws IOException {
    URI uri = exchange.getRequestURI();
    requests.add(uri);
    String prefix = "/table/v1/driving/";
    if (!uri.getPath().startsWith(prefix) || !"annotations=distance,duration".equals(uri.getQuery())) {
      send(exchange, 400, "{\"code\":\"InvalidUrl\",\"message\":\"not a table request\"}");
      return;
    }
    String[] points = uri.getPath().substring(prefix.length()).split(";");
    int n = points.length;
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < n; i++) {
      String[] lonLat = points[i].split(",");
      lon[i] = Double.parseDouble(lonLat[0]);
      lat[i] = Double.parseDouble(lonLat[1]);
    }
    StringBuilder distances = new StringBuilder("[");
    StringBuilder durations = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      distances.append(i == 0 ? "[" : ",[");
      durations.append(i == 0 ? "[" : ",[");
      for (int j = 0; j < n; j++) {
        double meters = i == j ? 0 : served(road, lat[i], lon[i], lat[j], lon[j]);
        distances.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", meters));
        durations.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", meters / metersPerSecond));
      }
      distances.append(']');
      durations.append(']');
    }
    send(exchange, 200, "{\"code\":\"Ok\",\"distances\":" + distances + "],\"durations\":" + durations + "]}");
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
