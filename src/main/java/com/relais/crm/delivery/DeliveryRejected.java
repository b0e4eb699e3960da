package com.relais.crm.delivery;

/**
 * Published inside the engine transaction when the customer refuses a delivery (stage 8); the support case opens
 * from it under the deal's business key, in the same transaction, so a retried step finds it already open.
 */
public record DeliveryRejected(long opportunityId, String deliveryProcessInstanceId, String reason) {}
