package com.relais.crm.aftersale;

import java.time.Instant;
import java.util.List;

/** One version of an after-sale template with its ordered tasks. Only the active version of a family is used. */
public record AfterSaleTemplate(
    long id, long familyId, String name, boolean defaultTemplate, int version, boolean active,
    String createdBy, Instant createdAt, List<TaskDefinition> tasks) {}
