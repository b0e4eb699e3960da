package com.relais.crm.attachment;

/** The S3 endpoint could not be reached or refused the call; callers answer 503 and keep nothing half-done. */
public class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String action, Throwable cause) {
    super("The file store is unavailable (" + action + "): " + cause.getMessage(), cause);
  }
}
