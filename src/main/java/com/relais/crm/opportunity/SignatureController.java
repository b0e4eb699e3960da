package com.relais.crm.opportunity;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where the e-signature provider (or a salesperson for a paper signature) reports the signed delivery note. */
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
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  @Operation(summary = "Report that the customer signed the deal's delivery note", description = "Called by the"
      + " e-signature provider, or by a salesperson for a paper signature; the sale then goes on to SALE_6_WON. A"
      + " deal already signed answers alreadySigned = true with the name first recorded. 409 when the deal is not"
      + " waiting for a signature (the answer says what it waits for); 404 for an unknown deal. For sales, managers"
      + " and admins (403 for others).")
  SignatureReceipt sign(@PathVariable long id, @Valid @RequestBody Signature signature) {
    return sale.signDeliveryNote(id, signature.signedBy().strip());
  }
}
