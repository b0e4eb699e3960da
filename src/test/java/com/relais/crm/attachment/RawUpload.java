package com.relais.crm.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An upload over a bare socket, so a test controls what is sent and when: a body cut short, a Content-Length the
 * body never reaches, or a pause in the middle of the file while the server is looked at. The answer is read while
 * the rest of the body is still unsent.
 */
final class RawUpload implements AutoCloseable {
  static final String BOUNDARY = "raw" + UUID.randomUUID();
  private static final int TIMEOUT_MS = 30_000;

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  /** Opens the connection and sends the request head; the body is sent with {@link #send}. */
  RawUpload(int port, String user, String pathAndQuery, Map<String, String> headers) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(TIMEOUT_MS);
    out = socket.getOutputStream();
    in = socket.getInputStream();
    StringBuilder head = new StringBuilder("POST " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n")
        .append("Authorization: Basic ")
        .append(Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .append("\r\nAccept: application/json, application/problem+json\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  static Map<String, String> multipart(long contentLength) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    headers.put("Content-Length", Long.toString(contentLength));
    return headers;
  }

  static byte[] fileHead(String fileName) {
    return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] tail() {
    return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  RawUpload send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** One chunk of a {@code Transfer-Encoding: chunked} body. */
  RawUpload chunk(byte[] bytes) throws IOException {
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return this;
  }

  /** Reads the answer's status line, headers (names in lower case) and body; waits at most 30 s for it. */
  Answer answer() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the answer's head ended: " + head);
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    String length = headers.get("content-length");
    byte[] body = "chunked".equals(headers.get("transfer-encoding")) ? chunked()
        : length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(line().split(";")[0].strip(), 16);
      if (size == 0) {
        line();
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      line();
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  record Answer(int status, Map<String, String> headers, String body) {}
}
