package com.relais.crm.deal;

/**
 * A deal entered a stage of its sale or its delivery (the stage names of the API), published inside the step's
 * transaction, so whoever reacts (notifications) writes in the same transaction as the move.
 */
public record StageChanged(long opportunityId, String fromStage, String toStage, String changedBy) {}
