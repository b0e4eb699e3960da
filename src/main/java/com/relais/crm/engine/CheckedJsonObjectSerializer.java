package com.relais.crm.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;
import org.camunda.spin.spi.DataFormat;

/**
 * Spin's JSON object serializer, plus a check when a variable arrives already serialized (JSON text and a type name,
 * as /engine-rest and Tasklist send it): the engine would store it as it is and fail only when someone reads it. Here
 * it is read once, with the type allow-list, before it is stored; a type that is not allowed, does not exist or does
 * not match the JSON is refused with a 400-class error and nothing is stored.
 */
class CheckedJsonObjectSerializer extends SpinObjectValueSerializer {
  CheckedJsonObjectSerializer(String name, DataFormat<?> dataFormat) {
    super(name, dataFormat);
  }

  @Override
  public void writeValue(ObjectValue value, ValueFields valueFields) {
    if (!value.isDeserialized() && value.getValueSerialized() != null) {
      check(value, valueFields.getName());
    }
    super.writeValue(value, valueFields);
  }

  private void check(ObjectValue value, String variable) {
    String type = value.getObjectTypeName();
    if (type == null || type.isBlank()) {
      throw new BadUserRequestException("Variable '" + variable + "': a JSON object needs an objectTypeName");
    }
    try {
      deserializeFromByteArray(value.getValueSerialized().getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    } catch (Exception e) {
      throw new BadUserRequestException("Variable '" + variable + "': JSON of type '" + type
          + "' is refused (type not allowed, unknown, or not matching the JSON)");
    }
  }
}
