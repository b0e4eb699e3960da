package com.relais.crm.search;

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
@Validated
class SearchController {
  private final QuickSearch search;

  SearchController(QuickSearch search) {
    this.search = search;
  }

  /** Two characters at least: a one-letter substring search matches nearly everything and no index helps. */
  @GetMapping
  SearchHits find(@RequestParam @NotBlank @Size(min = 2, max = 200) String q,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
    return search.find(q, limit);
  }
}
