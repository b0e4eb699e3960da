package com.relais.crm.delivery;

import java.math.BigDecimal;

/** What the people of the delivery decided at their tasks; null means "not decided at this task". */
record DeliveryDecisions(String transport, BigDecimal transportCost, String approverGroup, String paymentReference,
    String receptionOutcome, String receptionComment) {}
