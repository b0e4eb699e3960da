package com.relais.crm.campaign;

import com.relais.crm.identity.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaign-texts")
@Tag(name = "Campaigns")
class CampaignTextController {
  private final CampaignTextLibrary library;

  CampaignTextController(CampaignTextLibrary library) {
    this.library = library;
  }

  @GetMapping
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  @Operation(summary = "The library of ready texts", description = "Active ones first; a campaign starts from one"
      + " with textId.")
  List<CampaignTextLibrary.ReadyText> list() {
    return library.list();
  }

  @GetMapping("/{id}")
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  CampaignTextLibrary.ReadyText get(@PathVariable long id) {
    return library.get(id);
  }

  @PostMapping
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: add a ready text", description = "400 naming an unknown merge field.")
  ResponseEntity<CampaignTextLibrary.ReadyText> add(@Valid @RequestBody CampaignTextLibrary.ReadyTextRequest request) {
    var text = library.add(request);
    return ResponseEntity.created(URI.create("/api/campaign-texts/" + text.id())).body(text);
  }

  @PutMapping("/{id}")
  @PreAuthorize(StaffGroups.ADMINS_ONLY)
  @Operation(summary = "Admins: change or retire a ready text (active: false)")
  CampaignTextLibrary.ReadyText change(@PathVariable long id,
      @Valid @RequestBody CampaignTextLibrary.ReadyTextRequest request) {
    return library.change(id, request);
  }
}
