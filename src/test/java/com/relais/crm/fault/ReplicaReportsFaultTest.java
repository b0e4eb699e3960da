package com.relais.crm.fault;

import static com.relais.crm.fault.HttpDeals.await;
import static com.relais.crm.fault.HttpDeals.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reports off the primary, on PostgreSQL's own streaming replication: a primary and a hot standby of the test's own
 * (pg_basebackup -R), one node with DB_URL on the primary and DB_REPLICA_URL on the standby. A deal's writes land on
 * the primary; the dashboard is read from the standby, which the test proves by pausing the standby's replay: a deal
 * created meanwhile is on the primary but not on the dashboard until replay resumes. Then the standby stops, and the
 * same dashboard still answers, from the primary, with every deal; the node stays healthy for the load balancer.
 */
class ReplicaReportsFaultTest {

  @Test
  void theDashboardIsReadFromTheReplicaAndFromThePrimaryOnceTheReplicaIsGone() throws Exception {
    try (OwnPostgresCluster primary = new OwnPostgresCluster();
        StandaloneS3 s3 = new StandaloneS3(Path.of("target", "fault-s3", "replica-" + UUID.randomUUID()))) {
      FaultDatabase db = new FaultDatabase("127.0.0.1", primary.port());
      try (OwnStandbyCluster standby = new OwnStandbyCluster(primary.port())) {
        String replicaUrl = db.url().replace("127.0.0.1:" + primary.port() + "/", "127.0.0.1:" + standby.port() + "/");
        var settings = ChildNode.defaults(db.url(), FaultDatabase.USER, FaultDatabase.PASSWORD, s3);
        settings.put("relais.replica.url", replicaUrl);
        settings.put("relais.replica.check-every", "PT1S");
        // a generous bound: while the test pauses the standby's replay, the standby must still be allowed to serve
        settings.put("relais.replica.max-lag", "PT1H");
        settings.put("management.endpoint.health.show-details", "always");
        try (ChildNode node = new ChildNode("replica-reports", settings).start()) {
          await("the replica to serve scans", () -> "replica".equals(replica(node).path("details").path("serving")
              .asText()) ? Boolean.TRUE : null);
          assertThat(replica(node).path("status").asText()).isEqualTo("UP");

          long first = open(node, "Replica First", 1000);
          assertThat(db.count("select count(*) from opportunity where id = ?", first)).isEqualTo(1);
          await("the standby to replay the first deal", () -> onStandby(replicaUrl,
              "select count(*) from opportunity") == 1 ? Boolean.TRUE : null);
          long replicaReadsBefore = replica(node).path("details").path("replicaReads").asLong();
          long primaryReadsBefore = replica(node).path("details").path("primaryReads").asLong();
          assertThat(openDeals(node)).isEqualTo(1);
          JsonNode afterRead = replica(node).path("details");
          assertThat(afterRead.path("replicaReads").asLong()).isGreaterThan(replicaReadsBefore);
          assertThat(afterRead.path("primaryReads").asLong()).isEqualTo(primaryReadsBefore);

          // the standby stops replaying: what the primary writes now is not on the standby
          execute(replicaUrl, "select pg_wal_replay_pause()");
          long second = open(node, "Replica Second", 2000);
          assertThat(db.count("select count(*) from opportunity where id = ?", second)).isEqualTo(1);
          assertThat(db.count("select count(*) from opportunity")).as("the deal's writes went to the primary")
              .isEqualTo(2);
          assertThat(onStandby(replicaUrl, "select count(*) from opportunity")).isEqualTo(1);
          assertThat(openDeals(node)).as("the dashboard was read from the standby").isEqualTo(1);

          execute(replicaUrl, "select pg_wal_replay_resume()");
          await("the standby to replay the second deal", () -> onStandby(replicaUrl,
              "select count(*) from opportunity") == 2 ? Boolean.TRUE : null);
          assertThat(openDeals(node)).isEqualTo(2);

          // the replica goes away: the same report answers from the primary, with the right figures
          standby.stop();
          Rest.Reply dashboard = Rest.as(node, "admin").get("/api/dashboard");
          assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
          assertThat(sumDeals(dashboard.json())).isEqualTo(2);
          assertThat(sumAmounts(dashboard.json())).isEqualByComparingTo(new BigDecimal("3000"));
          await("the replica to be reported as left", () -> "primary".equals(replica(node).path("details")
              .path("serving").asText()) ? Boolean.TRUE : null);
          JsonNode health = Rest.anonymous(node).get("/actuator/health").json();
          assertThat(health.path("status").asText()).as("a replica down never takes the node out").isEqualTo("UP");
          assertThat(health.path("components").path("replica").path("status").asText()).isEqualTo("FALLBACK");
          assertThat(Rest.anonymous(node).get("/actuator/health").status()).isEqualTo(200);
          long primaryReads = replica(node).path("details").path("primaryReads").asLong();
          assertThat(openDeals(node)).isEqualTo(2);
          assertThat(replica(node).path("details").path("primaryReads").asLong()).isGreaterThan(primaryReads);
          assertThat(node.logText()).contains("Scanning reads fall back to the primary")
              .contains("Scanning reads (dashboard, forecast, monthly figures, customer list) go to the replica");
        }
      }
    }
  }

  private static JsonNode replica(ChildNode node) {
    return Rest.anonymous(node).get("/actuator/health").json().path("components").path("replica");
  }

  /** The open deals on the dashboard, as an admin sees them (every owner's). */
  private static long openDeals(ChildNode node) {
    Rest.Reply dashboard = Rest.as(node, "admin").get("/api/dashboard");
    assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
    return sumDeals(dashboard.json());
  }

  private static long sumDeals(JsonNode dashboard) {
    long deals = 0;
    for (JsonNode stage : dashboard.path("pipeline")) {
      deals += stage.path("deals").asLong();
    }
    return deals;
  }

  private static BigDecimal sumAmounts(JsonNode dashboard) {
    BigDecimal amount = BigDecimal.ZERO;
    for (JsonNode stage : dashboard.path("pipeline")) {
      amount = amount.add(stage.path("amount").decimalValue());
    }
    return amount;
  }

  private static long onStandby(String url, String query) {
    try (Connection connection = DriverManager.getConnection(url, FaultDatabase.USER, FaultDatabase.PASSWORD);
        Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, FaultDatabase.USER, FaultDatabase.PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
