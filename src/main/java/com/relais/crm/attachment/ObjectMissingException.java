package com.relais.crm.attachment;

/** The store holds no object under this key. */
public class ObjectMissingException extends RuntimeException {
  public ObjectMissingException(String key) {
    super("No stored object under key " + key);
  }
}
