package com.relais.crm.communication;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What a user gives when logging or changing an exchange. {@code private} is a Java keyword, hence the rename.
 * Rules that need the database (type and status in the catalogue, customer exists, deals belong to it, assignees
 * exist) are checked by the service.
 */
public record CommunicationDetails(
    @NotBlank @Size(max = 40) String type,
    @NotBlank @Size(max = 300) String subject,
    @Size(max = 10000) String details,
    @NotNull Instant start,
    Instant end,
    @Size(max = 40) String status,
    @JsonProperty("private") boolean privateEntry,
    @Size(max = 50) List<@NotBlank @Size(max = 64) String> assignees,
    Long customerId,
    @Size(max = 50) List<@NotNull Long> opportunityIds) {

  public CommunicationDetails {
    status = status == null || status.isBlank() ? ExchangeCatalogue.DEFAULT_STATUS : status;
    assignees = assignees == null ? List.of() : assignees;
    opportunityIds = opportunityIds == null ? List.of() : opportunityIds;
  }
}
