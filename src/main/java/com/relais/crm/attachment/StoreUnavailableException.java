package com.relais.crm.attachment;

import com.relais.crm.platform.ServiceUnavailableException;

/** The S3 endpoint could not be reached or refused the call; callers answer 503 and keep nothing half-done. */
public class StoreUnavailableException extends ServiceUnavailableException {
  public StoreUnavailableException(String action, Throwable cause) {
    super("The file store is unavailable at the moment; try again later",
        "The file store is unavailable (" + action + "): " + cause.getMessage(), cause);
  }
}
