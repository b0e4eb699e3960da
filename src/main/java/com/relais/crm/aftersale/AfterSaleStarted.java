package com.relais.crm.aftersale;

/** The answer to a start: which instance runs for the deal and from which template version. */
public record AfterSaleStarted(String processInstanceId, long opportunityId, long templateId, String templateName,
    int templateVersion, int taskCount) {}
