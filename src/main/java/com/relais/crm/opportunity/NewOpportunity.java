package com.relais.crm.opportunity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a user gives to open a deal. The owner defaults to the user who opens it, the currency to the company's
 * (relais.deals.company-currency).
 */
public record NewOpportunity(
    @NotNull @Positive Long customerId,
    @NotBlank @Size(max = 200) String title,
    @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
    @DecimalMax(value = "999999999999.99", message = "is too large") @Digits(integer = 12, fraction = 2)
    BigDecimal amount,
    @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
    @Size(max = 64) String owner,
    LocalDate expectedCloseDate) {}
