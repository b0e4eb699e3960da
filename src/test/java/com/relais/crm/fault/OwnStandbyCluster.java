package com.relais.crm.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A streaming standby of an {@link OwnPostgresCluster}: Debian's pg_createcluster makes the cluster (its settings
 * under /etc/postgresql, a free port), its data directory is then replaced by {@code pg_basebackup -R} of the primary
 * (which writes standby.signal and primary_conninfo), and it starts as a hot standby. The primary needs nothing
 * more than Debian's defaults: wal_level replica, max_wal_senders 10, and initdb's --auth=trust, which trusts
 * replication connections from 127.0.0.1 too. Needs root, as in CI.
 */
final class OwnStandbyCluster implements AutoCloseable {
  private final String version;
  private final String name;
  private final int port;

  OwnStandbyCluster(int primaryPort) throws Exception {
    try (var versions = Files.list(Path.of("/etc/postgresql"))) {
      version = versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
          .orElseThrow(() -> new IllegalStateException("No PostgreSQL under /etc/postgresql"));
    }
    name = "relaisstandby" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    port = ChildNode.freePort();
    run("pg_createcluster", version, name, "--port", Integer.toString(port), "--", "--auth=trust");
    Path data = Path.of("/var/lib/postgresql", version, name);
    run("rm", "-rf", data.toString());
    // made empty by root for postgres: the directory above may belong to root (it does in CI's container), and
    // pg_basebackup fills an existing empty directory as well as a new one
    run("install", "-d", "-o", "postgres", "-g", "postgres", "-m", "0700", data.toString());
    run("runuser", "-u", "postgres", "--", Path.of("/usr/lib/postgresql", version, "bin", "pg_basebackup").toString(),
        "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", "postgres", "-D", data.toString(), "-R",
        "-X", "stream", "-c", "fast");
    start();
  }

  int port() {
    return port;
  }

  void start() throws Exception {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
  }

  /** A fast shutdown: the replica goes away under the service's feet. */
  void stop() throws Exception {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast");
  }

  @Override
  public void close() throws Exception {
    run("pg_dropcluster", "--stop", version, name);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    List<String> line = List.of(command);
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
    }
  }
}
