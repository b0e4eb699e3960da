package com.relais.crm.dataexchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.platform.InvalidFieldException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What an import asks, read from the query or the form fields sent before the file; each value checked. */
record ImportRequest(String kind, String mode, String onDuplicate, Map<String, String> mapping) {
  static final Set<String> KINDS = Set.of("customers");
  static final Set<String> MODES = Set.of("DRY_RUN", "APPLY");
  static final Set<String> ON_DUPLICATE = Set.of("SKIP", "UPDATE");

  static ImportRequest of(Map<String, String> given, ObjectMapper json) {
    String kind = given.getOrDefault("kind", "customers").strip().toLowerCase(Locale.ROOT);
    if (!KINDS.contains(kind)) {
      throw new InvalidFieldException("kind", "kind: only 'customers' can be imported");
    }
    String mode = given.getOrDefault("mode", "DRY_RUN").strip().toUpperCase(Locale.ROOT);
    if (!MODES.contains(mode)) {
      throw new InvalidFieldException("mode", "mode: DRY_RUN (report only) or APPLY");
    }
    String onDuplicate = given.getOrDefault("onDuplicate", "SKIP").strip().toUpperCase(Locale.ROOT);
    if (!ON_DUPLICATE.contains(onDuplicate)) {
      throw new InvalidFieldException("onDuplicate", "onDuplicate: SKIP or UPDATE");
    }
    return new ImportRequest(kind, mode, onDuplicate, mapping(given.get("mapping"), json));
  }

  private static Map<String, String> mapping(String text, ObjectMapper json) {
    Map<String, String> mapping = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return mapping;
    }
    JsonNode tree;
    try {
      tree = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidFieldException("mapping", "mapping: a JSON object of column header to field, such as"
          + " {\"Raison sociale\": \"name\"}");
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidFieldException("mapping", "mapping: a JSON object of column header to field");
    }
    tree.fields().forEachRemaining(entry -> {
      if (!entry.getValue().isTextual()) {
        throw new InvalidFieldException("mapping", "mapping: the field for '" + entry.getKey() + "' must be a text");
      }
      mapping.put(entry.getKey(), entry.getValue().asText());
    });
    return mapping;
  }
}
