package com.relais.crm.dataexchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The customer list of the import tests: {@code good + 30} rows, of which 30 are bad in five ways a real export has
 * (no name, a broken e-mail, a category nobody has, the same person twice, a row with a column too many). The
 * expected rejection of each bad row, by its row number in the file, is known.
 */
final class ImportFiles {
  static final List<String> HEADER = List.of("Nom", "E-mail", "Téléphone", "Catégorie", "Source", "Adresse");

  record Sheet(List<List<String>> rows, Map<Integer, String> rejected) {}

  private ImportFiles() {}

  /** {@code phonePrefix} (0-999) keeps the phone numbers of two sheets of one test apart. */
  static Sheet customers(String run, int total, int phonePrefix) {
    List<List<String>> rows = new ArrayList<>();
    Map<Integer, String> rejected = new TreeMap<>();
    for (int i = 0; i < total; i++) {
      int rowNo = i + 2;
      String email = "client" + i + "-" + run + "@example.com";
      List<String> row = new ArrayList<>(List.of("Société " + i + " " + run, email,
          String.format("+33 7 %03d %05d", phonePrefix, i), "Prospect", "TRADE_SHOW", i + " rue des Lilas, Lyon"));
      if (i % 33 == 5 && rejected.size() < 30) {
        switch (rejected.size() % 5) {
          case 0 -> {
            row.set(0, "");
            rejected.put(rowNo, "the name is missing");
          }
          case 1 -> {
            row.set(1, "client" + i + "-at-example.com");
            rejected.put(rowNo, "is not an e-mail address");
          }
          case 2 -> {
            row.set(3, "Martian");
            rejected.put(rowNo, "category 'Martian' is not in the catalogue");
          }
          case 3 -> {
            // the same person as the row before (its e-mail), in another writing
            row.set(1, rows.get(i - 1).get(1).toUpperCase());
            row.set(2, "");
            rejected.put(rowNo, "duplicate inside the file: same e-mail as row " + (rowNo - 1));
          }
          default -> {
            row.add("a seventh value");
            rejected.put(rowNo, "the row has 7 values but the header names 6 columns");
          }
        }
      }
      rows.add(row);
    }
    return new Sheet(rows, rejected);
  }

  static byte[] csv(List<List<String>> rows, char delimiter) {
    StringBuilder text = new StringBuilder(String.join(String.valueOf(delimiter), HEADER)).append("\r\n");
    for (List<String> row : rows) {
      text.append(String.join(String.valueOf(delimiter), row.stream().map(ImportFiles::quoted).toList()))
          .append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quoted(String value) {
    return value.contains(",") || value.contains(";") || value.contains("\"")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  static byte[] xlsx(List<List<String>> rows) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      var sheet = workbook.createSheet("Clients");
      var header = sheet.createRow(0);
      for (int c = 0; c < HEADER.size(); c++) {
        header.createCell(c).setCellValue(HEADER.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).size(); c++) {
          if (!rows.get(r).get(c).isEmpty()) {
            row.createCell(c).setCellValue(rows.get(r).get(c));
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    }
  }
}
