package com.relais.crm.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What a salesperson gives to define a campaign; the text's merge fields are checked when it is saved. */
record CampaignRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull Channel channel,
    @NotNull Purpose purpose,
    @Size(max = 300) String subject,
    @NotBlank @Size(max = 6000) String text,
    @NotNull @Valid Audience audience,
    Instant sendAt) {

  enum Channel {
    EMAIL, SMS
  }

  /** PROMOTIONAL reaches only those who agreed; INFORMATIONAL (a service message) all who did not say no. */
  enum Purpose {
    PROMOTIONAL, INFORMATIONAL
  }
}
