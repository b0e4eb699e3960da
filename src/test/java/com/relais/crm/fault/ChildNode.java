package com.relais.crm.fault;

import com.relais.crm.SignatureProvider;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The service as a separate operating-system process: {@code java com.relais.crm.RelaisCrmApplication} on the test
 * classpath (target/classes, the test configuration with its demo users, every dependency), its own port and
 * settings, output in target/fault-logs. {@link #kill()} is SIGKILL: no shutdown hook, no graceful stop;
 * {@link #close()} is SIGTERM, a graceful stop. Public for the benchmark's scenario T (service nodes as child JVMs).
 */
public final class ChildNode implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  /** Quick to start, small: what the fault tests want. The benchmark gives its own ({@link #jvmOptions}). */
  private static final List<String> FAULT_JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC");

  private final String name;
  private final Map<String, String> settings;
  private final int port;
  private final Path log;
  private List<String> jvmOptions = FAULT_JVM_OPTIONS;
  private Process process;

  public ChildNode(String name, Map<String, String> settings) {
    this.name = name;
    this.settings = new LinkedHashMap<>(settings);
    this.port = freePort();
    this.log = Path.of("target", "fault-logs", name + ".log").toAbsolutePath();
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Settings every fault node shares: Basic-auth demo users, a short job lock so a crashed node's jobs return. */
  static Map<String, String> defaults(String dbUrl, String dbUser, String dbPassword, StandaloneS3 s3) {
    return defaults(dbUrl, dbUser, dbPassword, s3.url(), StandaloneS3.ACCESS_KEY, StandaloneS3.SECRET_KEY);
  }

  /** The same, for an S3 endpoint given by its URL and keys (the benchmark's own S3 endpoint). */
  public static Map<String, String> defaults(String dbUrl, String dbUser, String dbPassword, String s3Url,
      String s3AccessKey, String s3SecretKey) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", dbUrl);
    settings.put("spring.datasource.username", dbUser);
    settings.put("spring.datasource.password", dbPassword);
    settings.put("spring.datasource.hikari.connection-timeout", "2000");
    settings.put("relais.storage.endpoint", s3Url);
    settings.put("relais.storage.access-key", s3AccessKey);
    settings.put("relais.storage.secret-key", s3SecretKey);
    // JOB_LOCK_TIME: jobs a killed node had locked become free again after 15 s instead of the 5-minute default
    settings.put("camunda.bpm.job-execution.lock-time-in-millis", "15000");
    settings.put("spring.main.banner-mode", "off");
    // the demo users (password = user id) drive the deals; the job executor polls often so the tests wait little
    settings.put("relais.demo.enabled", "true");
    // the e-signature provider's calls (Rest.signatureProvider) and the self-signed signing key, out of ./data
    settings.put("relais.signing.provider-secret", SignatureProvider.SECRET);
    settings.put("relais.signing.generated-keystore", Path.of("target", "fault-signing", "relais-signing.p12")
        .toAbsolutePath().toString());
    settings.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
    settings.put("camunda.bpm.job-execution.max-wait", "1000");
    return settings;
  }

  /** JVM options instead of the fault tests' quick-start ones (heap, GC, JIT); call before {@link #start()}. */
  public ChildNode jvmOptions(String... options) {
    this.jvmOptions = List.of(options);
    return this;
  }

  public ChildNode start() throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Dserver.port=" + port,
        // each node's in-process mail server (the demo's sink) on a port of its own, so two nodes can run side by side
        "-Dspring.mail.port=" + freePort(), "-Drelais.replies.sink-imap-port=" + freePort()));
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("com.relais.crm.RelaisCrmApplication");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("CLASSPATH", classpath());
    process = builder.start();
    awaitHealthy();
    return this;
  }

  /**
   * The service's own classes and every dependency, as the packaged application has them: the test classes (and the
   * test configuration under config/) stay out, so the node runs the production configuration plus our settings.
   * Surefire may run tests from a manifest-only jar; its property holds the real classpath.
   */
  private static String classpath() {
    String testClasspath = System.getProperty("surefire.test.class.path");
    String full = testClasspath != null && !testClasspath.isBlank() ? testClasspath
        : System.getProperty("java.class.path");
    return Arrays.stream(full.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith(Path.of("target", "test-classes")))
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (Rest.anonymous(this).get("/actuator/health").status() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      pause(Duration.ofMillis(500));
    }
    throw new IllegalStateException(name + " not healthy within " + START_TIMEOUT + "; see " + log);
  }

  /** SIGKILL on Linux: the JVM gets no chance to finish anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " did not die");
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** CPU time (user + system, all threads) the node's JVM has used so far; 0 before its start or if unknown. */
  public long cpuNanos() {
    return process == null ? 0 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  String logText() throws IOException {
    return Files.readString(log);
  }

  public String name() {
    return name;
  }

  @Override
  public void close() throws Exception {
    if (alive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
