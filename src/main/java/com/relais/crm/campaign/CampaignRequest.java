package com.relais.crm.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What a salesperson gives to define a campaign; the text's merge fields are checked when it is saved. Without a
 * text, {@code textId} names a ready text of the library to copy.
 */
record CampaignRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull Channel channel,
    @NotNull Purpose purpose,
    @Size(max = 300) String subject,
    @Size(max = 6000) String text,
    @NotNull @Valid Audience audience,
    Instant sendAt,
    /** A ready text of the library to start from: its subject and text unless the request gives its own. */
    Long textId) {

  enum Channel {
    EMAIL, SMS
  }

  /** PROMOTIONAL reaches only those who agreed; INFORMATIONAL (a service message) all who did not say no. */
  enum Purpose {
    PROMOTIONAL, INFORMATIONAL
  }
}
