package com.relais.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the running service as one demo user (password = user id) and reads JSON answers as trees. */
public final class Api {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private final TestRestTemplate rest;
  /** Signs each request as the external e-signature provider does ({@link SignatureProvider}), with no login. */
  private final boolean asSignatureProvider;

  private Api(TestRestTemplate rest) {
    this(rest, false);
  }

  private Api(TestRestTemplate rest, boolean asSignatureProvider) {
    this.rest = rest;
    this.asSignatureProvider = asSignatureProvider;
  }

  public static Api as(TestRestTemplate rest, String user) {
    return new Api(rest.withBasicAuth(user, user));
  }

  public static Api anonymous(TestRestTemplate rest) {
    return new Api(rest);
  }

  /** The external e-signature provider: no user, each request signed with the tests' shared secret. */
  public static Api signatureProvider(TestRestTemplate rest) {
    return new Api(rest, true);
  }

  /** The caller name of the e-signature provider in tables of calls ({@link #caller}). */
  public static final String SIGNATURE_PROVIDER = "(e-signature provider)";

  /** A demo user by id, or the e-signature provider for {@link #SIGNATURE_PROVIDER}. */
  public static Api caller(TestRestTemplate rest, String caller) {
    return SIGNATURE_PROVIDER.equals(caller) ? signatureProvider(rest) : as(rest, caller);
  }

  public static Api withPassword(TestRestTemplate rest, String user, String password) {
    return new Api(rest.withBasicAuth(user, password));
  }

  public Response get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  public Response post(String path, Object body) {
    return exchange(HttpMethod.POST, path, body);
  }

  public Response put(String path, Object body) {
    return exchange(HttpMethod.PUT, path, body);
  }

  public Response patch(String path, Object body) {
    return exchange(HttpMethod.PATCH, path, body);
  }

  public Response delete(String path) {
    return exchange(HttpMethod.DELETE, path, null);
  }

  /** Sends {@code body} as-is when it is a String (for malformed JSON), else as JSON. */
  public Response exchange(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    Object payload = body;
    if (body != null && !(body instanceof String)) {
      try {
        payload = JSON.writeValueAsString(body);
      } catch (Exception e) {
        throw new IllegalArgumentException(e);
      }
    }
    if (asSignatureProvider) {
      byte[] bytes = payload == null ? new byte[0] : payload.toString().getBytes(StandardCharsets.UTF_8);
      headers.set(SignatureProvider.HEADER, SignatureProvider.header(path, bytes));
      return new Response(rest.exchange(path, method, new HttpEntity<>(bytes, headers), String.class));
    }
    ResponseEntity<String> answer = rest.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
    return new Response(answer);
  }

  public TestRestTemplate rest() {
    return rest;
  }

  /** A status, the content type and the body as a JSON tree (empty tree when there is no JSON). */
  public record Response(ResponseEntity<String> raw) {
    public int status() {
      return raw.getStatusCode().value();
    }

    public String contentType() {
      MediaType type = raw.getHeaders().getContentType();
      return type == null ? "" : type.toString();
    }

    public JsonNode json() {
      try {
        return raw.getBody() == null ? JSON.createObjectNode() : JSON.readTree(raw.getBody());
      } catch (Exception e) {
        throw new AssertionError("Not JSON: " + raw.getBody(), e);
      }
    }

    public String body() {
      return raw.getBody();
    }

    @Override
    public String toString() {
      return status() + " " + raw.getBody();
    }
  }

  public static Map<String, Object> customer(String name) {
    return Map.of("name", name, "email", name.toLowerCase().replaceAll("[^a-z]", "") + "@example.com",
        "category", "PROSPECT", "acquisitionSource", "WEBSITE",
        "emailConsent", Map.of("granted", true, "source", "web form"));
  }
}
