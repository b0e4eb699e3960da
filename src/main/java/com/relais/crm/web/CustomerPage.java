package com.relais.crm.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.relais.crm.attachment.AttachmentService;
import com.relais.crm.attachment.Owner;
import com.relais.crm.attachment.OwnerType;
import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerCategories;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.identity.StaffGroups;
import com.relais.crm.opportunity.Opportunity;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.opportunity.SaleStage;
import com.relais.crm.platform.InvalidFieldException;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A customer's page (details, consents, deals with their stage bar, open tasks, files, the timeline and the quick
 * "log a call") and the customer form. Creating and changing customers is for the sales side, as in the API.
 */
@Controller
class CustomerPage {
  private static final int DEALS_SHOWN = 50;

  private final CustomerService customers;
  private final CustomerCategories categories;
  private final OpportunityService deals;
  private final AttachmentService attachments;
  private final OpenTasks openTasks;
  private final ExchangeTypes exchangeTypes;
  private final FieldErrors fieldErrors;
  private final TimelinePart timeline;
  private final ObjectMapper json;

  CustomerPage(CustomerService customers, CustomerCategories categories, OpportunityService deals,
      AttachmentService attachments, OpenTasks openTasks, ExchangeTypes exchangeTypes, FieldErrors fieldErrors,
      TimelinePart timeline, ObjectMapper json) {
    this.timeline = timeline;
    this.customers = customers;
    this.categories = categories;
    this.deals = deals;
    this.attachments = attachments;
    this.openTasks = openTasks;
    this.exchangeTypes = exchangeTypes;
    this.fieldErrors = fieldErrors;
    this.json = json;
  }

  @GetMapping("/customers/{id}")
  String page(@PathVariable long id, Model model) {
    Customer customer = customers.get(id);
    List<Opportunity> ofCustomer = deals.ofCustomer(id,
        PageRequest.of(0, DEALS_SHOWN, Sort.by(Sort.Direction.DESC, "createdAt"))).getContent();
    model.addAttribute("customer", customer);
    model.addAttribute("category", categoryLabel(customer.getCategory()));
    model.addAttribute("deals", ofCustomer);
    model.addAttribute("stages", StageBar.SALE);
    model.addAttribute("tasks", openTasks.ofDeals(ofCustomer.stream().map(Opportunity::getId).toList()));
    model.addAttribute("files", attachments.of(new Owner(OwnerType.CUSTOMER, id)));
    model.addAttribute("quickTypes", exchangeTypes.quick());
    model.addAttribute("allTypes", exchangeTypes.selectable());
    if (!model.containsAttribute("exchangeErrors")) {
      model.addAttribute("exchangeErrors", Map.of());
    }
    timeline.firstPage(id, model);
    return "web/customer";
  }

  @GetMapping("/customers/new")
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  String newCustomer(Model model) {
    return form(model, new CustomerForm(), null, Map.of());
  }

  @PostMapping("/customers")
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  String create(@ModelAttribute("form") CustomerForm form, Model model) {
    try {
      var details = form.details();
      Map<String, String> errors = fieldErrors.check(details);
      if (!errors.isEmpty()) {
        return form(model, form, null, errors);
      }
      return "redirect:/customers/" + customers.create(details).getId();
    } catch (InvalidFieldException refused) {
      return form(model, form, null, FieldErrors.of(refused));
    }
  }

  @GetMapping("/customers/{id}/edit")
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  String edit(@PathVariable long id, Model model) {
    return form(model, CustomerForm.of(customers.get(id)), id, Map.of());
  }

  @PostMapping("/customers/{id}")
  @PreAuthorize(StaffGroups.SALES_SIDE_ONLY)
  String change(@PathVariable long id, @ModelAttribute("form") CustomerForm form, Model model) {
    Customer current = customers.get(id);
    try {
      Map<String, String> errors = fieldErrors.check(form.details());
      if (!errors.isEmpty()) {
        return form(model, form, id, errors);
      }
      customers.change(id, form.patch(current, json));
      return "redirect:/customers/" + id;
    } catch (InvalidFieldException refused) {
      return form(model, form, id, FieldErrors.of(refused));
    }
  }

  private String form(Model model, CustomerForm form, Long id, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("customerId", id);
    model.addAttribute("errors", errors);
    model.addAttribute("categories", categories.list(false));
    model.addAttribute("sources", AcquisitionSource.values());
    return "web/customer-form";
  }

  private String categoryLabel(String code) {
    return categories.list(true).stream().filter(c -> c.code().equals(code)).map(c -> c.label()).findFirst()
        .orElse(code);
  }

  /** The sale's stages in order, for the bar on each deal; a lost deal shows the bar up to where it stopped. */
  static final class StageBar {
    static final List<SaleStage> SALE = List.of(SaleStage.SALE_1_PROSPECT, SaleStage.SALE_2_QUALIFIED,
        SaleStage.SALE_3_PROPOSAL, SaleStage.SALE_4_NEGOTIATION, SaleStage.SALE_5_SIGNATURE, SaleStage.SALE_6_WON);

    private StageBar() {}
  }
}
