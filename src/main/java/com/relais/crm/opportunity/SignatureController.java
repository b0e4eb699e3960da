package com.relais.crm.opportunity;

import com.relais.crm.identity.StaffGroups;
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
class SignatureController {
  private final SaleProcess sale;

  SignatureController(SaleProcess sale) {
    this.sale = sale;
  }

  record Signature(@NotBlank @Size(max = 200) String signedBy) {}

  record SignatureReceipt(long opportunityId, String signedBy, boolean alreadySigned) {}

  @PostMapping("/api/opportunities/{id}/delivery-note/signature")
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  SignatureReceipt sign(@PathVariable long id, @Valid @RequestBody Signature signature) {
    return sale.signDeliveryNote(id, signature.signedBy().strip());
  }
}
