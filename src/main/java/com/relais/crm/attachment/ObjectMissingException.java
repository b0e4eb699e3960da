package com.relais.crm.attachment;

import com.relais.crm.platform.NotFoundException;

/** The store holds no object under this key (removed by hand in the store): the file is as good as missing. */
public class ObjectMissingException extends NotFoundException {
  private final String key;

  public ObjectMissingException(String key) {
    super("The file's content is missing", "No stored object under key " + key);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
