package com.relais.crm.dataexchange;

import com.relais.crm.platform.InvalidFieldException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which column fills which customer field: by the header's name, or as an explicit mapping says (column header →
 * field name), the explicit one winning. A column that fills nothing is ignored and reported; a file with no
 * column for the name is refused.
 */
record ColumnMapping(Map<CustomerField, Integer> columns, List<String> ignored) {

  static ColumnMapping of(List<String> header, Map<String, String> explicit) {
    Map<CustomerField, Integer> columns = new EnumMap<>(CustomerField.class);
    explicit.forEach((column, fieldName) -> {
      CustomerField field = CustomerField.byApiName(fieldName == null ? "" : fieldName.strip())
          .orElseThrow(() -> new InvalidFieldException("mapping", "mapping: '" + fieldName + "' is not a customer"
              + " field; one of " + CustomerField.apiNames()));
      int index = indexOf(header, column);
      if (index < 0) {
        throw new InvalidFieldException("mapping", "mapping: the file has no column '" + column + "'; its columns"
            + " are " + header);
      }
      columns.put(field, index);
    });
    java.util.ArrayList<String> ignored = new java.util.ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      int index = i;
      if (columns.containsValue(index)) {
        continue;
      }
      var field = CustomerField.byHeader(header.get(i)).filter(f -> !columns.containsKey(f));
      if (field.isPresent()) {
        columns.put(field.get(), index);
      } else if (!header.get(i).isBlank()) {
        ignored.add(header.get(i));
      }
    }
    if (!columns.containsKey(CustomerField.NAME)) {
      throw new InvalidFieldException("file", "No column gives the customer's name (a header such as 'nom' or"
          + " 'name', or a mapping to 'name'); the columns are " + header);
    }
    return new ColumnMapping(Map.copyOf(columns), List.copyOf(ignored));
  }

  private static int indexOf(List<String> header, String column) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase(column.strip())) {
        return i;
      }
    }
    return -1;
  }

  /** The value of a field in a row, null when the file has no such column or the cell is empty. */
  String value(List<String> row, CustomerField field) {
    Integer index = columns.get(field);
    if (index == null || index >= row.size()) {
      return null;
    }
    String value = row.get(index);
    return value == null || value.isBlank() ? null : value.strip();
  }

  boolean has(CustomerField field) {
    return columns.containsKey(field);
  }
}
