package com.relais.crm.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin gives to add or change a category. The code is fixed once added (customers carry it); without a
 * position a new category goes to the end.
 */
public record CategoryRequest(
    @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$", message = "2 to 40 capital letters, digits or _, starting with a letter")
    String code,
    @NotBlank @Size(max = 100) String label,
    Boolean active,
    Integer position) {}
