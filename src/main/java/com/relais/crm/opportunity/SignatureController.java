package com.relais.crm.opportunity;

import com.relais.crm.identity.SignatureProviderAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where an external e-signature provider reports the signed delivery note. The provider authenticates each call with
 * an HMAC of the request under a secret shared with it ({@link SignatureProviderAuthentication}); no staff login
 * opens it. Customers who sign on our own page go through the same {@link SaleProcess#signDeliveryNote}.
 */
@RestController
@Tag(name = "Signatures", description = "The signed delivery note, which a deal won in negotiation waits for before"
    + " its delivery starts.")
class SignatureController {
  private final SaleProcess sale;

  SignatureController(SaleProcess sale) {
    this.sale = sale;
  }

  record Signature(@NotBlank @Size(max = 200) String signedBy) {}

  record SignatureReceipt(long opportunityId, String signedBy, boolean alreadySigned) {}

  @PostMapping("/api/opportunities/{id}/delivery-note/signature")
  @PreAuthorize(SignatureProviderAuthentication.PROVIDER_ONLY)
  @Parameter(name = SignatureProviderAuthentication.HEADER, in = ParameterIn.HEADER, required = true,
      description = "sha256=<hex HMAC-SHA256, under the shared secret relais.signing.provider-secret, of the request"
          + " path, a line feed, and the body's bytes>")
  @Operation(summary = "Report that the customer signed the deal's delivery note", description = "Called by the"
      + " external e-signature provider, authenticated by the " + SignatureProviderAuthentication.HEADER + " header"
      + " (no user login: 401 without it, with a wrong one, or while no secret is configured); the sale then goes on"
      + " to SALE_6_WON. A deal already signed answers alreadySigned = true with the name first recorded. 409 when"
      + " the deal is not waiting for a signature (the answer says what it waits for); 404 for an unknown deal.")
  SignatureReceipt sign(@PathVariable long id, @Valid @RequestBody Signature signature) {
    return sale.signDeliveryNote(id, signature.signedBy().strip());
  }
}
