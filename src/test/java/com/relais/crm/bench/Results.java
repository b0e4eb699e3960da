package com.relais.crm.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: printed as a table and written as JSON under target/bench/. */
final class Results {
  record Row(String scenario, String figure, double value, String unit, String target, String verdict) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void setting(String name, Object value) {
    settings.put(name, value);
  }

  synchronized void note(String note) {
    notes.add(note);
    System.out.println("[bench] " + note);
  }

  /** A figure without a target. */
  synchronized void figure(String scenario, String figure, double value, String unit) {
    add(new Row(scenario, figure, value, unit, "", ""));
  }

  /** A figure with a target: PASS when {@code pass}, else BELOW. */
  synchronized void target(String scenario, String figure, double value, String unit, String target, boolean pass) {
    add(new Row(scenario, figure, value, unit, target, pass ? "PASS" : "BELOW"));
  }

  private void add(Row row) {
    rows.add(row);
    System.out.printf("[bench] %-3s %-48s %12s %s %s %s%n", row.scenario(), row.figure(), format(row.value()),
        row.unit(), row.target(), row.verdict());
  }

  synchronized String table() {
    StringBuilder out = new StringBuilder();
    String line = "+-----+--------------------------------------------------+--------------+----------+--------------------+-------+\n";
    out.append(line).append(String.format("| %-3s | %-48s | %12s | %-8s | %-18s | %-5s |%n", "sc.", "figure", "value",
        "unit", "target", "")).append(line);
    for (Row r : rows) {
      out.append(String.format("| %-3s | %-48s | %12s | %-8s | %-18s | %-5s |%n", r.scenario(), r.figure(),
          format(r.value()), r.unit(), r.target(), r.verdict()));
    }
    return out.append(line).toString();
  }

  synchronized void write(Path dir) throws Exception {
    Files.createDirectories(dir);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("finishedAt", Instant.now().toString());
    json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
        "java", System.getProperty("java.version"), "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20));
    json.put("settings", settings);
    json.put("figures", rows);
    json.put("notes", notes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), json);
    Files.writeString(dir.resolve("results.txt"), table());
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return Math.abs(v) >= 100 ? String.format("%.0f", v) : String.format("%.3f", v);
  }
}
