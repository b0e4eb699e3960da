package com.relais.crm.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the test's own (Debian's pg_createcluster, trust authentication, a free port), so the
 * test may stop and start it without touching the machine's shared server. Needs root, as in CI.
 */
class OwnPostgresCluster implements AutoCloseable {
  private final String version;
  private final String name;
  private final int port;

  /** A cluster made and started. */
  OwnPostgresCluster() throws Exception {
    this("relaisfault");
    start();
  }

  /** A cluster made (its settings and an empty database), not started: a subclass fills it first. */
  OwnPostgresCluster(String namePrefix) throws Exception {
    try (var versions = Files.list(Path.of("/etc/postgresql"))) {
      version = versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
          .orElseThrow(() -> new IllegalStateException("No PostgreSQL under /etc/postgresql"));
    }
    name = namePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    port = ChildNode.freePort();
    run("pg_createcluster", version, name, "--port", Integer.toString(port), "--", "--auth=trust");
  }

  int port() {
    return port;
  }

  /** Where Debian keeps the cluster's data. */
  Path dataDirectory() {
    return Path.of("/var/lib/postgresql", version, name);
  }

  /** One of this PostgreSQL version's programs. */
  Path program(String name) {
    return Path.of("/usr/lib/postgresql", version, "bin", name);
  }

  void start() throws Exception {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
  }

  /** A fast shutdown: open connections are cut, as when the database server restarts. */
  void stop() throws Exception {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast");
  }

  @Override
  public void close() throws Exception {
    run("pg_dropcluster", "--stop", version, name);
  }

  static void run(String... command) throws IOException, InterruptedException {
    List<String> line = List.of(command);
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
    }
  }
}
