package com.relais.crm.fault;

/**
 * A streaming standby of an {@link OwnPostgresCluster}: Debian's pg_createcluster makes the cluster (its settings
 * under /etc/postgresql, a free port), its data directory is then replaced by {@code pg_basebackup -R} of the primary
 * (which writes standby.signal and primary_conninfo), and it starts as a hot standby. The primary needs nothing
 * more than Debian's defaults: wal_level replica, max_wal_senders 10, and initdb's --auth=trust, which trusts
 * replication connections from 127.0.0.1 too. Needs root, as in CI.
 */
final class OwnStandbyCluster extends OwnPostgresCluster {

  OwnStandbyCluster(int primaryPort) throws Exception {
    super("relaisstandby");
    String data = dataDirectory().toString();
    run("rm", "-rf", data);
    // made empty by root for postgres: the directory above may belong to root (it does in CI's container), and
    // pg_basebackup fills an existing empty directory as well as a new one
    run("install", "-d", "-o", "postgres", "-g", "postgres", "-m", "0700", data);
    run("runuser", "-u", "postgres", "--", program("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
        Integer.toString(primaryPort), "-U", "postgres", "-D", data, "-R", "-X", "stream", "-c", "fast");
    start();
  }
}
