package com.relais.crm.web;

import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.CustomerCategories;
import com.relais.crm.search.CustomerDirectory;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customers, filtered by words, category, acquisition source, account manager and time since the last exchange;
 * a page at a time, the next one appended by htmx ("more") without reloading the filters.
 */
@Controller
class CustomerListPage {
  static final int PAGE_SIZE = 25;

  private final CustomerDirectory directory;
  private final CustomerCategories categories;
  private final Clock clock;

  CustomerListPage(CustomerDirectory directory, CustomerCategories categories, Clock clock) {
    this.directory = directory;
    this.categories = categories;
    this.clock = clock;
  }

  @GetMapping("/customers")
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
      @RequestParam(required = false) String source, @RequestParam(required = false) String owner,
      @RequestParam(required = false) String lastContact, @RequestParam(defaultValue = "0") int page,
      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
    var filter = new CustomerDirectory.Filter(q, blankToNull(category), enumName(source, AcquisitionSource.class),
        blankToNull(owner), lastContact(lastContact));
    model.addAttribute("result", directory.find(filter, Math.max(0, page), PAGE_SIZE, clock.instant()));
    model.addAttribute("filter", filter);
    model.addAttribute("lastContact", lastContact == null ? "" : lastContact);
    model.addAttribute("categories", categories.list(false));
    // a retired category still names the customers that have it
    model.addAttribute("categoryLabels", categories.list(true).stream()
        .collect(java.util.stream.Collectors.toMap(c -> c.code(), c -> c.label(), (a, b) -> a)));
    model.addAttribute("sources", AcquisitionSource.values());
    model.addAttribute("lastContacts", CustomerDirectory.LastContact.values());
    // "more" asks for the rows alone, to append them under those already shown
    return htmx != null && page > 0 ? "web/customers :: rows" : "web/customers";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** An unknown value in the address bar is no filter, not an error page: the list is still what one wants. */
  private static <E extends Enum<E>> String enumName(String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value).name();
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static CustomerDirectory.LastContact lastContact(String value) {
    String name = enumName(value, CustomerDirectory.LastContact.class);
    return name == null ? null : CustomerDirectory.LastContact.valueOf(name);
  }
}
