package com.relais.crm.campaign;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
@Validated
@PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
@Tag(name = "Campaigns", description = "Campaigns by e-mail and SMS: audience, text, approval, sending, results.")
class CampaignController {
  private final Campaigns campaigns;

  CampaignController(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @PostMapping
  @Operation(summary = "Define a campaign (a draft)", description = "400 naming an unknown category or source, an"
      + " unknown merge field, or an e-mail without a subject.")
  ResponseEntity<Campaign> create(@Valid @RequestBody CampaignRequest request) {
    Campaign campaign = campaigns.create(request);
    return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.id())).body(campaign);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change a draft", description = "409 once it is submitted.")
  Campaign change(@PathVariable long id, @Valid @RequestBody CampaignRequest request) {
    return campaigns.change(id, request);
  }

  @GetMapping("/{id}")
  @Operation(summary = "A campaign with its status and counts")
  Campaign get(@PathVariable long id) {
    return campaigns.get(id);
  }

  @GetMapping
  @Operation(summary = "Campaigns, newest first")
  List<Campaign> list(@RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return campaigns.list(page, size);
  }

  @GetMapping("/{id}/audience")
  @Operation(summary = "Who it reaches, before anything is sent", description = "count, excludedNoConsent and a"
      + " sample of ten.")
  Campaigns.AudiencePreview audience(@PathVariable long id) {
    return campaigns.audience(id);
  }

  @PostMapping("/{id}/submit")
  @Operation(summary = "Submit a draft for a manager's approval", description = "A manager approves or rejects it in"
      + " Tasklist (userTask_approveCampaign); 409 if it is not a draft.")
  Campaign submit(@PathVariable long id) {
    return campaigns.submit(id);
  }
}
