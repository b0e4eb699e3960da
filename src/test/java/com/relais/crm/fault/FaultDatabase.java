package com.relais.crm.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one fault test, on the machine's server (127.0.0.1:5432 unless FAULT_PG_HOST /
 * FAULT_PG_PORT say otherwise) or on a cluster of the test's own; dropped at the end. Also reads it with plain SQL,
 * which is what the checks of the fault tests trust.
 */
final class FaultDatabase implements AutoCloseable {
  static final String USER = System.getenv().getOrDefault("FAULT_PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("FAULT_PG_PASSWORD", "");

  private final String host;
  private final int port;
  private final String name;

  FaultDatabase(String host, int port) throws SQLException {
    this.host = host;
    this.port = port;
    this.name = "relais_fault_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
      sql.execute("create database " + name);
    }
  }

  static FaultDatabase onSharedServer() throws SQLException {
    return new FaultDatabase(System.getenv().getOrDefault("FAULT_PG_HOST", "127.0.0.1"),
        Integer.parseInt(System.getenv().getOrDefault("FAULT_PG_PORT", "5432")));
  }

  String url() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  Connection connect() throws SQLException {
    return connect(name);
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, USER, PASSWORD);
  }

  List<String> strings(String query, Object... args) throws SQLException {
    try (Connection connection = connect(); var statement = connection.prepareStatement(query)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }

  long count(String query, Object... args) throws SQLException {
    return Long.parseLong(strings(query, args).get(0));
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + name + " with (force)");
    }
  }
}
