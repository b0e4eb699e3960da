package com.relais.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.Api;
import com.relais.crm.HttpTest;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Uploads are read as a stream: large files go through whole, oversized ones are refused as soon as that is known
 * (from the Content-Length, or from the bytes once they pass the limit), malformed bodies are clear 4xx, and no
 * temporary file is written. Every refusal leaves no row and no object.
 */
@HttpTest
class AttachmentStreamingTest {
  private static final int MB = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AttachmentStore store;
  @Autowired ServletContext servletContext;
  @LocalServerPort int port;

  private long customer() {
    return Api.as(rest, "sales").post("/api/customers", Api.customer("Streaming " + UUID.randomUUID()))
        .json().path("id").asLong();
  }

  /** Random bytes behind a PNG signature: Tika says image/png, and nothing compresses or repeats. */
  private static byte[] png(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    System.arraycopy(Uploads.png(), 0, bytes, 0, 8);
    return bytes;
  }

  @Test
  void aLargeFileRoundTripsWithItsSizeAndSha256() throws Exception {
    long customerId = customer();
    byte[] file = png(15 * MB + 7);
    var answer = Uploads.upload(rest, "sales", "customerId=" + customerId, "scan.png", file,
        "application/octet-stream");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode created = JSON.readTree(answer.getBody());
    assertThat(created.path("size").asLong()).isEqualTo(file.length);
    assertThat(created.path("sha256").asText()).isEqualTo(AttachmentApiTest.sha256(file));
    assertThat(created.path("contentType").asText()).isEqualTo("image/png");
    var content = rest.withBasicAuth("sales", "sales").getForEntity(
        "/api/attachments/" + created.path("id").asLong() + "/content", byte[].class);
    assertThat(AttachmentApiTest.sha256(content.getBody())).isEqualTo(AttachmentApiTest.sha256(file));
  }

  @Test
  void anUploadWhoseContentLengthPassesTheLimitIsRefusedBeforeItsBodyIsSent() throws Throwable {
    storesNothing(customerId -> {
      try (RawUpload upload = raw(customerId, RawUpload.multipart(200L * MB))) {
        // a few bytes of a 200 MB body; the answer must come without the rest
        upload.send(RawUpload.fileHead("huge.png")).send(png(64 * 1024));
        RawUpload.Answer answer = upload.answer();

        assertProblem(answer, 413, "larger than the limit");
        // the unread rest of the body must not be taken for a next request
        assertThat(answer.headers().get("connection")).isEqualTo("close");
      }
    });
  }

  @Test
  void aChunkedUploadIsCutOffWithA413AsSoonAsItPassesTheLimit() throws Throwable {
    storesNothing(customerId -> {
      byte[] megabyte = png(MB);
      try (RawUpload upload = raw(customerId, Map.of(
          "Content-Type", "multipart/form-data; boundary=" + RawUpload.BOUNDARY, "Transfer-Encoding", "chunked"))) {
        upload.chunk(RawUpload.fileHead("endless.png"));
        // 21 MB of a body that has no announced end: the server must answer once it has read past 20 MB
        for (int i = 0; i < 21; i++) {
          upload.chunk(megabyte);
        }
        RawUpload.Answer answer = upload.answer();

        assertProblem(answer, 413, "larger than the limit");
      }
    });
  }

  @Test
  void aClientThatReadsTheAnswerOnlyAfterSendingEverythingStillGets413() throws Exception {
    // the test's HTTP client writes the whole 30 MB before it reads; Tomcat discards what follows the refusal
    // (server.tomcat.max-swallow-size) instead of resetting the connection under it
    long customerId = customer();
    Stored before = stored();
    var answer = Uploads.upload(rest, "sales", "customerId=" + customerId, "big.png", png(30 * MB),
        "image/png");
    assertRefused(answer, 413);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aBodyCutShortInTheMiddleOfTheFileIs400AndLeavesNothing() throws Throwable {
    storesNothing(customerId -> {
      byte[] head = RawUpload.fileHead("cut.png");
      // past the first 5 MB part, so the store has begun a multipart upload when the body ends
      byte[] file = png(7 * MB);
      try (RawUpload upload = raw(customerId, RawUpload.multipart(head.length + file.length))) {
        upload.send(head).send(file); // no closing boundary
        RawUpload.Answer answer = upload.answer();

        assertProblem(answer, 400, "could not be read to its end");
      }
    });
  }

  @Test
  void theFileMustComeInAPartNamedFile() throws Throwable {
    storesNothing(customerId -> {
      LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
      form.add("document", file("letter.pdf", Uploads.pdf("wrong part")));
      var answer = post("customerId=" + customerId, form);

      assertRefused(answer, 400);
      assertThat(answer.getBody()).contains("part named 'file'").contains("\"field\":\"file\"");
    });
  }

  @Test
  void aRequestWithoutAFileIs400() throws Throwable {
    storesNothing(customerId -> {
      LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
      form.add("note", "no file here");
      assertRefused(post("customerId=" + customerId, form), 400);
    });
  }

  @Test
  void aBodyThatIsNotMultipartIs4xx() throws Throwable {
    storesNothing(customerId -> {
      String path = "/api/attachments?customerId=" + customerId;

      HttpHeaders json = new HttpHeaders();
      json.setContentType(MediaType.APPLICATION_JSON);
      var unsupported = rest.withBasicAuth("sales", "sales").exchange(path, HttpMethod.POST,
          new HttpEntity<>("{\"file\": \"x\"}", json), String.class);
      assertRefused(unsupported, 415);
      assertThat(unsupported.getBody()).contains("multipart/form-data, not application/json");

      HttpHeaders noBoundary = new HttpHeaders();
      noBoundary.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data");
      assertRefused(rest.withBasicAuth("sales", "sales").exchange(path, HttpMethod.POST,
          new HttpEntity<>("{\"file\": \"x\"}", noBoundary), String.class), 400);

      HttpHeaders notWhatItSays = new HttpHeaders();
      notWhatItSays.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=nowhere");
      assertRefused(rest.withBasicAuth("sales", "sales").exchange(path, HttpMethod.POST,
          new HttpEntity<>("{\"file\": \"x\"}", notWhatItSays), String.class), 400);
    });
  }

  @Test
  void theOwnerMayBeAFormFieldBeforeTheFileButNotAfterIt() throws Exception {
    long customerId = customer();
    LinkedMultiValueMap<String, Object> before = new LinkedMultiValueMap<>();
    before.add("customerId", Long.toString(customerId));
    before.add("file", file("first.pdf", Uploads.pdf("owner first")));
    var accepted = post("", before);
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
    assertThat(JSON.readTree(accepted.getBody()).path("ownerId").asLong()).isEqualTo(customerId);

    Stored stored = stored();
    LinkedMultiValueMap<String, Object> after = new LinkedMultiValueMap<>();
    after.add("file", file("last.pdf", Uploads.pdf("owner last")));
    after.add("customerId", Long.toString(customerId));
    var refused = post("", after);
    assertRefused(refused, 400);
    assertThat(refused.getBody()).contains("before the file");

    LinkedMultiValueMap<String, Object> twice = new LinkedMultiValueMap<>();
    twice.add("customerId", Long.toString(customerId));
    twice.add("file", file("twice.pdf", Uploads.pdf("owner twice")));
    assertRefused(post("customerId=" + customerId, twice), 400);
    assertThat(stored()).isEqualTo(stored);
  }

  @Test
  void aFileNameInUtf8IsKept() throws Exception {
    long customerId = customer();
    byte[] head = RawUpload.fileHead("Relevé d'août.pdf");
    byte[] pdf = Uploads.pdf("accents");
    byte[] tail = RawUpload.tail();
    try (RawUpload upload = raw(customerId, RawUpload.multipart(head.length + pdf.length + tail.length))) {
      RawUpload.Answer answer = upload.send(head).send(pdf).send(tail).answer();
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
      assertThat(JSON.readTree(answer.body()).path("fileName").asText()).isEqualTo("Relevé d'août.pdf");
    }
  }

  @Test
  void noTemporaryFileIsWrittenWhileAnUploadIsInFlight() throws Exception {
    long customerId = customer();
    byte[] head = RawUpload.fileHead("slow.png");
    byte[] file = png(8 * MB);
    byte[] tail = RawUpload.tail();
    try (RawUpload upload = raw(customerId, RawUpload.multipart(head.length + file.length + tail.length))) {
      upload.send(head).send(java.util.Arrays.copyOf(file, 6 * MB));
      // the server has the first 6 MB by now; a multipart parser that spools would have written them to a file
      Thread.sleep(1000);
      assertThat(spooled()).as("upload files in the temporary directories").isEmpty();

      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      rest.write(file, 6 * MB, file.length - 6 * MB);
      rest.write(tail);
      RawUpload.Answer answer = upload.send(rest.toByteArray()).answer();
      assertThat(answer.status()).as(answer.body()).isEqualTo(201);
      assertThat(JSON.readTree(answer.body()).path("sha256").asText()).isEqualTo(AttachmentApiTest.sha256(file));
    }
  }

  /**
   * Files a multipart parser spools parts to: Tomcat's and commons-fileupload's {@code upload_*.tmp}, in the web
   * application's temporary directory (where Spring's multipart resolution puts them) or the JVM's.
   */
  private List<Path> spooled() throws IOException {
    File webapp = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
    List<Path> found = new java.util.ArrayList<>();
    for (Path dir : List.of(webapp.toPath(), Path.of(System.getProperty("java.io.tmpdir")))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir, dir.equals(webapp.toPath()) ? Integer.MAX_VALUE : 1)) {
        files.filter(f -> f.getFileName().toString().startsWith("upload_")).forEach(found::add);
      } catch (java.io.UncheckedIOException e) {
        // a file of another process vanished while the directory was walked
      }
    }
    return found;
  }

  private RawUpload raw(long customerId, Map<String, String> headers) throws IOException {
    return new RawUpload(port, "sales", "/api/attachments?customerId=" + customerId, headers);
  }

  private static void assertProblem(RawUpload.Answer answer, int status, String detail) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
    assertThat(answer.body()).contains(detail);
  }

  private ResponseEntity<String> post(String query, LinkedMultiValueMap<String, Object> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth("sales", "sales").exchange("/api/attachments" + (query.isEmpty() ? "" : "?" + query),
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  private static HttpEntity<ByteArrayResource> file(String name, byte[] bytes) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return new HttpEntity<>(new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    }, part);
  }

  private static void assertRefused(ResponseEntity<String> answer, int status) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(String.valueOf(answer.getHeaders().getContentType())).startsWith("application/problem+json");
  }

  /** Runs {@code attempt} with a new customer's id; a refused upload leaves no row and no object. */
  private void storesNothing(ThrowingConsumer<Long> attempt) throws Throwable {
    long customerId = customer();
    Stored before = stored();
    attempt.accept(customerId);
    assertThat(stored()).isEqualTo(before);
  }

  /** Attachment rows and objects. */
  private Stored stored() {
    return new Stored(jdbc.queryForObject("select count(*) from attachment", Integer.class),
        new java.util.TreeSet<>(store.keys(AttachmentService.KEY_PREFIX)));
  }

  private record Stored(int rows, java.util.SortedSet<String> keys) {}
}
