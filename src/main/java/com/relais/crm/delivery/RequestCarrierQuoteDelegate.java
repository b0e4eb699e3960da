package com.relais.crm.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stage 2: records that the transfer request went to the carrier. The carrier answers through
 * POST /api/opportunities/{id}/delivery/carrier-quote; no carrier integration exists yet, so the request is logged.
 */
@Component("requestCarrierQuote")
class RequestCarrierQuoteDelegate implements JavaDelegate {
  private static final Logger log = LoggerFactory.getLogger(RequestCarrierQuoteDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    log.info("Transfer request for deal {} sent to the carrier; waiting for its quote",
        execution.getProcessBusinessKey());
  }
}
