package com.relais.crm.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A read replica for the reads that scan ({@link ScanReads}). Empty {@code url}: none, every read on the primary.
 *
 * @param url JDBC URL of a streaming standby (DB_REPLICA_URL)
 * @param username its login (DB_REPLICA_USER, default the primary's)
 * @param password its password (DB_REPLICA_PASSWORD, default the primary's)
 * @param maxLag how far behind the primary the replica may be and still serve reports
 * @param checkEvery how often its health and lag are checked (reads use the last answer)
 * @param poolSize connections to the replica per node
 */
@ConfigurationProperties("relais.replica")
record ReplicaProperties(
    @DefaultValue("") String url,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("PT10S") Duration maxLag,
    @DefaultValue("PT5S") Duration checkEvery,
    @DefaultValue("5") int poolSize) {

  boolean configured() {
    return url != null && !url.isBlank();
  }
}
