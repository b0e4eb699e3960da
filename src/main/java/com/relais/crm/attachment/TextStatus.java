package com.relais.crm.attachment;

/** Where text extraction stands: it runs after the upload's commit, so a fresh attachment is PENDING. */
public enum TextStatus {
  PENDING, DONE, TRUNCATED, FAILED
}
