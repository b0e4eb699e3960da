package com.relais.crm.fault;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load balancer of docker-compose's nginx in miniature, in the test JVM: HTTP/1.1 on a port of its own, each
 * request to the next node in turn (round robin, no sticky sessions), passed on whole (method, path and query,
 * headers, body) with the X-Forwarded-* headers a proxy adds, the answer passed back whole (every Set-Cookie
 * included), redirects never followed. A node whose process is dead, or that cannot be reached, is skipped and the
 * request goes to the next one (nginx's passive health check), so the user only sees the node that is alive. Each
 * answer says which node served it in {@link #NODE_HEADER}. Whole bodies in memory: enough for pages and JSON, not
 * for the notification stream.
 */
final class RoundRobinProxy implements AutoCloseable {
  static final String NODE_HEADER = "X-Relais-Node";

  /** Hop-by-hop headers, and those the HTTP client sets itself (it refuses to be given them). */
  private static final Set<String> NOT_PASSED = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "content-length",
      "host", "expect", "date", "via", "warning");

  private final List<ChildNode> nodes;
  private final AtomicInteger next = new AtomicInteger();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

  RoundRobinProxy(List<ChildNode> nodes) throws IOException {
    this.nodes = List.copyOf(nodes);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::forward);
    server.setExecutor(threads);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      IOException unreachable = null;
      int first = Math.floorMod(next.getAndIncrement(), nodes.size());
      for (int i = 0; i < nodes.size(); i++) {
        ChildNode node = nodes.get((first + i) % nodes.size());
        if (!node.alive()) {
          continue;
        }
        try {
          HttpResponse<byte[]> answer = client.send(request(exchange, node, body),
              HttpResponse.BodyHandlers.ofByteArray());
          reply(exchange, node, answer);
          return;
        } catch (IOException e) {
          unreachable = e;
        }
      }
      byte[] message = ("No node answered: " + unreachable).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(502, message.length);
      exchange.getResponseBody().write(message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
    } finally {
      exchange.close();
    }
  }

  private HttpRequest request(HttpExchange exchange, ChildNode node, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + exchange.getRequestURI()))
        .timeout(Duration.ofSeconds(60))
        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> request.header(name, value));
      }
    });
    // what nginx's proxy_set_header lines add (deploy/nginx.conf); the nodes read them (forward-headers-strategy)
    request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
    request.header("X-Forwarded-Proto", "http");
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host != null) {
      request.header("X-Forwarded-Host", host);
    }
    request.header("X-Forwarded-Port", Integer.toString(port()));
    return request.build();
  }

  private static void reply(HttpExchange exchange, ChildNode node, HttpResponse<byte[]> answer) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    answer.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":") && !NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> headers.add(name, value));
      }
    });
    headers.set(NODE_HEADER, node.name());
    byte[] bytes = answer.body();
    boolean noBody = bytes.length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod())
        || answer.statusCode() == 204 || answer.statusCode() == 304;
    exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : bytes.length);
    if (!noBody) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
