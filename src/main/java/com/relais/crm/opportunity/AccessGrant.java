package com.relais.crm.opportunity;

import java.time.Instant;

/** Read access to a deal given to a user by assigning them one of its tasks: who, by whom, when, why. */
public record AccessGrant(long id, long opportunityId, String userId, String grantedBy, Instant grantedAt,
    String reason) {}
