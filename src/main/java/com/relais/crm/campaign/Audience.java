package com.relais.crm.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Who a campaign is for, by parameters: any of these categories and acquisition sources (none named: all), the last
 * contact before or after a day, a deal won since a day. Consent is not a parameter: the purpose decides it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Audience(
    @Size(max = 50) List<@Size(max = 40) String> categories,
    @Size(max = 20) List<@Size(max = 40) String> acquisitionSources,
    LocalDate lastContactBefore,
    LocalDate lastContactAfter,
    LocalDate wonSince) {

  Audience {
    categories = categories == null ? List.of() : List.copyOf(categories);
    acquisitionSources = acquisitionSources == null ? List.of() : List.copyOf(acquisitionSources);
  }
}
