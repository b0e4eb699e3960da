package com.relais.crm.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "One search box over customers, deals, exchanges and attachments.")
@Validated
class SearchController {
  private final QuickSearch search;

  SearchController(QuickSearch search) {
    this.search = search;
  }

  /** Two characters at least: a one-letter substring search matches nearly everything and no index helps. */
  @GetMapping
  @Operation(summary = "Search customers, deals, exchanges and attachments at once", description = "q is 2 to 200"
      + " characters; limit (1 to 50, default 10) caps the hits of each kind. Customers (name, e-mail), deals (title,"
      + " customer name) and attachments (file name, extracted text) match any part of a word; exchanges match when"
      + " every word typed begins a word of the subject or details. Only what the caller may see is listed.")
  SearchHits find(@RequestParam @NotBlank @Size(min = 2, max = 200) String q,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
    return search.find(q, limit);
  }
}
