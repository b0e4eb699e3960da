package com.relais.crm.communication;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An admin's new or changed entry. The code is what the API and the database carry, so it is fixed once created;
 * the label is what people read. {@code outcome} is required for statuses and refused for types.
 */
public record CatalogueEntryRequest(
    @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be 2 to 40 capital letters, digits or _, starting with a letter")
    String code,
    @NotBlank @Size(max = 100) String label,
    StatusOutcome outcome,
    Boolean active,
    @PositiveOrZero Integer position) {}
