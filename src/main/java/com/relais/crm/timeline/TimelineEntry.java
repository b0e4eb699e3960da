package com.relais.crm.timeline;

import java.time.Instant;

/**
 * One line of a customer's timeline. {@code kind} says which record {@code id} names: COMMUNICATION (title = subject,
 * detail = type), ATTACHMENT (file name, content type), STAGE_CHANGE (new stage, previous stage; {@code opportunityId}
 * set), COMMENT (what someone wrote in a stage's form: the comment, the stage; {@code opportunityId} set) or TASK
 * (a task of one of the customer's deals: task name, assignee; {@code taskId} instead of {@code id}).
 */
public record TimelineEntry(String kind, Long id, Instant at, String title, String detail, Long opportunityId,
    String taskId) {}
