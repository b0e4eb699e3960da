package com.relais.crm.web;

import com.relais.crm.search.QuickSearch;
import com.relais.crm.search.SearchHits;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search box of every page: customers, deals, exchanges and the text inside attachments, each kind under its own
 * heading, only what the person may see (the quick search applies each module's rules).
 */
@Controller
class SearchPage {
  static final int MIN_LENGTH = 2;
  static final int MAX_LENGTH = 200;
  private static final int HITS_PER_KIND = 20;

  private final QuickSearch search;

  SearchPage(QuickSearch search) {
    this.search = search;
  }

  @GetMapping("/search")
  String search(@RequestParam(defaultValue = "") String q, Model model) {
    String words = q.strip();
    model.addAttribute("q", words);
    if (words.length() < MIN_LENGTH || words.length() > MAX_LENGTH) {
      model.addAttribute("tooShort", !words.isEmpty());
      model.addAttribute("hits", new SearchHits(List.of(), List.of(), List.of(), List.of()));
      return "web/search";
    }
    SearchHits hits = search.find(words, HITS_PER_KIND);
    model.addAttribute("hits", hits);
    model.addAttribute("nothing", hits.customers().isEmpty() && hits.deals().isEmpty()
        && hits.communications().isEmpty() && hits.attachments().isEmpty());
    return "web/search";
  }
}
