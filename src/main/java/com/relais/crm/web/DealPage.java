package com.relais.crm.web;

import com.relais.crm.delivery.DeliveryService;
import com.relais.crm.document.DocumentService;
import com.relais.crm.identity.CurrentUser;
import com.relais.crm.notification.Following;
import com.relais.crm.opportunity.DealReadPolicy;
import com.relais.crm.opportunity.Opportunity;
import com.relais.crm.opportunity.OpportunityService;
import com.relais.crm.signing.ReceptionLinks;
import com.relais.crm.support.SupportCaseService;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * A deal's page: its stage bar and history with the comments written at each stage, the delivery's stage and the
 * decisions taken on it, its documents, its support case, its open tasks (after-sale ones included) and who follows
 * it, with a follow button. Who may open it is the API's rule (sales side, granted users, those with a task on it).
 * While the delivery waits for its reception, those who may record it get "Sign the reception on this phone": a fresh
 * single-use link to the public reception page, for the customer to accept or refuse the delivery on that phone.
 */
@Controller
class DealPage {
  private final OpportunityService deals;
  private final DealReadPolicy readPolicy;
  private final DeliveryService deliveries;
  private final DocumentService documents;
  private final SupportCaseService supportCases;
  private final Following following;
  private final OpenTasks openTasks;
  private final ReceptionLinks receptionLinks;
  private final CurrentUser currentUser;

  DealPage(OpportunityService deals, DealReadPolicy readPolicy, DeliveryService deliveries,
      DocumentService documents, SupportCaseService supportCases, Following following, OpenTasks openTasks,
      ReceptionLinks receptionLinks, CurrentUser currentUser) {
    this.deals = deals;
    this.readPolicy = readPolicy;
    this.deliveries = deliveries;
    this.documents = documents;
    this.supportCases = supportCases;
    this.following = following;
    this.openTasks = openTasks;
    this.receptionLinks = receptionLinks;
    this.currentUser = currentUser;
  }

  @GetMapping("/deals/{id}")
  String page(@PathVariable long id, Model model) {
    Opportunity deal = deals.get(id);
    readPolicy.requireReadable(id);
    model.addAttribute("deal", deal);
    model.addAttribute("customerName", deals.customerNamesOf(List.of(deal)).get(deal.getCustomerId()));
    model.addAttribute("stages", CustomerPage.StageBar.SALE);
    model.addAttribute("history", deals.historyOf(id));
    model.addAttribute("comments", deals.commentsOf(id));
    var delivery = deliveries.find(id).orElse(null);
    model.addAttribute("delivery", delivery);
    model.addAttribute("receptionOnThisPhone", delivery != null && receptionLinks.offeredToCurrentUser(id));
    model.addAttribute("documents", documents.ofDeal(id));
    model.addAttribute("supportCases", supportCases.ofDeal(id));
    model.addAttribute("tasks", openTasks.ofDeals(List.of(id)));
    followers(id, model);
    return "web/deal";
  }

  /**
   * "Sign the reception on this phone": a new reception link, which ends the earlier ones (the customer's mailed link
   * too), and this browser goes to it. A deal whose delivery no longer waits for its reception comes back to its page.
   */
  @PostMapping("/deals/{id}/reception-link")
  String receptionLink(@PathVariable long id) {
    deals.get(id);
    readPolicy.requireReadable(id);
    return receptionLinks.openOnSite(id).map(path -> "redirect:" + path).orElse("redirect:/deals/" + id);
  }

  @PostMapping("/deals/{id}/follow")
  String follow(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    following.followDeal(currentUser.id(), id);
    return followAnswer(id, htmx, model);
  }

  @PostMapping("/deals/{id}/unfollow")
  String unfollow(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    deals.get(id);
    readPolicy.requireReadable(id);
    following.unfollowDeal(currentUser.id(), id);
    return followAnswer(id, htmx, model);
  }

  private String followAnswer(long id, String htmx, Model model) {
    if (htmx == null) {
      return "redirect:/deals/" + id;
    }
    model.addAttribute("deal", deals.get(id));
    followers(id, model);
    return "web/deal :: followers";
  }

  private void followers(long id, Model model) {
    List<String> followers = following.followersOfDeal(id);
    model.addAttribute("followers", followers);
    model.addAttribute("following", followers.contains(currentUser.id()));
  }
}
