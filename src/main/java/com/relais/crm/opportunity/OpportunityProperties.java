package com.relais.crm.opportunity;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Settings of deals (relais.deals in application.yml). */
@ConfigurationProperties("relais.deals")
@Validated
record OpportunityProperties(
    /** The currency of a deal opened without one (an ISO 4217 code). */
    @DefaultValue("EUR") @Pattern(regexp = "^[A-Z]{3}$") String companyCurrency) {}
