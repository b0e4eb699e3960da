package com.relais.crm.communication;

import java.time.Instant;

/** The advanced search on exchanges; every criterion is optional and they combine with AND. */
record CommunicationSearch(
    String q, String type, String status, Instant from, Instant to,
    Long customerId, Long opportunityId, String author) {}
