package com.relais.crm.contact;

import java.time.LocalDate;

/**
 * A contact of a day's plan was still open at the day's deadline; its team's manager ({@code managerId}, null when
 * the person is in no team) is asked to decide. Published in the transaction of the escalation.
 */
public record ContactMissed(long entryId, LocalDate planDate, long customerId, String customerName, String assignee,
    String managerId, String reason) {}
