package com.relais.crm.aftersale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task of an after-sale template: who gets it (a candidate group or user), when it is due and, optionally, when
 * its reminder falls (ISO-8601 offsets from the start of the after-sale, such as P3D or PT12H).
 */
public record TaskDefinition(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 1000) String description,
    @Size(max = 64) String candidateGroup,
    @Size(max = 64) String candidateUser,
    @NotBlank @Size(max = 40) String dueOffset,
    @Size(max = 40) String reminderOffset) {

  /** The small map copied into the process at start (JSON, never Java-serialized). */
  Map<String, Object> toVariable() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name);
    map.put("description", description);
    map.put("candidateGroup", candidateGroup);
    map.put("candidateUser", candidateUser);
    map.put("dueOffset", dueOffset);
    map.put("reminderOffset", reminderOffset);
    return map;
  }

  static TaskDefinition fromVariable(Map<?, ?> map) {
    return new TaskDefinition(text(map, "name"), text(map, "description"), text(map, "candidateGroup"),
        text(map, "candidateUser"), text(map, "dueOffset"), text(map, "reminderOffset"));
  }

  private static String text(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value == null ? null : value.toString();
  }
}
