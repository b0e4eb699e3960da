package com.relais.crm.campaign;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the public sign-up form (relais.signup in application.yml). */
@ConfigurationProperties("relais.signup")
record SignupProperties(
    /** Who owns the deal a sign-up opens; empty: no deal, the prospect only. */
    String dealOwner,
    /** Sign-ups one address may send in the window, on one node. */
    @DefaultValue("5") int maxPerAddress,
    @DefaultValue("PT10M") Duration window) {}
