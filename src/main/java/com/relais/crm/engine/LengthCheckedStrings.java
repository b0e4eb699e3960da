package com.relais.crm.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * The engine keeps a text variable in a column of {@value #MAX_LENGTH} characters; a longer one (a long comment in a
 * form, a body through /engine-rest) failed in the database and answered 500 ("An exception occurred in the
 * persistence layer"). Refused before it is written instead: a 400 naming the variable, and the task stays open.
 */
class LengthCheckedStrings extends StringValueSerializer {
  static final int MAX_LENGTH = 4000;

  @Override
  public void writeValue(StringValue value, ValueFields fields) {
    String text = value.getValue();
    if (text != null && text.length() > MAX_LENGTH) {
      throw new BadUserRequestException("Variable '" + fields.getName() + "' is " + text.length()
          + " characters long; at most " + MAX_LENGTH + " can be kept");
    }
    super.writeValue(value, fields);
  }
}
