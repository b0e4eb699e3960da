package com.relais.crm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The S3 endpoint of the benchmark, in a JVM of its own as MinIO is in production, so the service's heap and CPU
 * figures are the service's alone: S3Proxy (filesystem backend) started from the test classpath. BENCH_S3_ENDPOINT
 * (with BENCH_S3_ACCESS_KEY, BENCH_S3_SECRET_KEY) points the benchmark at a real MinIO instead.
 */
final class ExternalS3 implements AutoCloseable {
  final String endpoint;
  final String accessKey;
  final String secretKey;
  private final Process process;

  private ExternalS3(String endpoint, String accessKey, String secretKey, Process process) {
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.process = process;
  }

  static ExternalS3 start(Path dir) throws Exception {
    String configured = System.getenv("BENCH_S3_ENDPOINT");
    if (configured != null && !configured.isBlank()) {
      return new ExternalS3(configured, System.getenv("BENCH_S3_ACCESS_KEY"), System.getenv("BENCH_S3_SECRET_KEY"),
          null);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String key = "bench-" + UUID.randomUUID();
    String secret = UUID.randomUUID().toString();
    Files.createDirectories(dir.resolve("objects"));
    Path conf = dir.resolve("s3proxy.conf");
    Files.writeString(conf, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + key,
        "s3proxy.credential=" + secret,
        "jclouds.provider=filesystem",
        "jclouds.identity=" + key,
        "jclouds.credential=" + secret,
        "jclouds.filesystem.basedir=" + dir.resolve("objects").toAbsolutePath(), ""));
    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.gaul.s3proxy.Main", "--properties",
        conf.toAbsolutePath().toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        break;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.currentTimeMillis() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException("S3Proxy did not start; see " + dir.resolve("s3proxy.log"));
        }
        Thread.sleep(100);
      }
    }
    return new ExternalS3("http://127.0.0.1:" + port, key, secret, process);
  }

  /** CPU time the S3 endpoint's JVM has used so far; 0 for an endpoint of someone else's. */
  long cpuNanos() {
    return process == null ? 0 : process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  @Override
  public void close() throws Exception {
    if (process != null) {
      process.destroy();
      process.waitFor();
    }
  }
}
