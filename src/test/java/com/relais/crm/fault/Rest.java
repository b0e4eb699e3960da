package com.relais.crm.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.SignatureProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** HTTP Basic calls to a service running in another process; the demo users' password is their id. */
final class Rest {
  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String base;
  private final String authorization;
  /** Signs each request as the external e-signature provider does, instead of logging in. */
  private final boolean asSignatureProvider;

  private Rest(String base, String user, boolean asSignatureProvider) {
    this.base = base;
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    this.asSignatureProvider = asSignatureProvider;
  }

  static Rest as(ChildNode node, String user) {
    return new Rest(node.baseUrl(), user, false);
  }

  static Rest anonymous(ChildNode node) {
    return new Rest(node.baseUrl(), null, false);
  }

  /** The external e-signature provider, with the secret {@link ChildNode#defaults} gives every node. */
  static Rest signatureProvider(ChildNode node) {
    return new Rest(node.baseUrl(), null, true);
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply post(String path, Object body) {
    byte[] bytes = json(body).getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
    if (asSignatureProvider) {
      request.header(SignatureProvider.HEADER, SignatureProvider.header(path, bytes));
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
  }

  Reply put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** Multipart upload of one file with one more form field (the owner). */
  Reply upload(String path, String field, String value, String fileName, byte[] content, String contentType) {
    String boundary = "----fault" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value
          + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Accept", "application/json, application/problem+json");
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Retry-After").orElse(null), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  record Reply(int status, String contentType, String retryAfter, String body) {
    JsonNode json() {
      try {
        return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
