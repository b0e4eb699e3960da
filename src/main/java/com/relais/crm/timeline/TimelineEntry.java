package com.relais.crm.timeline;

import java.time.Instant;

/**
 * One line of a customer's timeline. {@code kind} says which record {@code id} names: COMMUNICATION (title = subject,
 * detail = type), ATTACHMENT (file name, content type) or STAGE_CHANGE (new stage, previous stage; {@code opportunityId} set).
 */
record TimelineEntry(String kind, long id, Instant at, String title, String detail, Long opportunityId) {}
