package com.relais.crm.web;

import com.relais.crm.contact.TodaysContacts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first page after login: the day's contacts of the person (and of the teams they manage), each with its
 * customer's page and the Tasklist task that records the result.
 */
@Controller
class TodayPage {
  private final TodaysContacts contacts;

  TodayPage(TodaysContacts contacts) {
    this.contacts = contacts;
  }

  @GetMapping("/today")
  String today(Model model) {
    var day = contacts.today();
    model.addAttribute("day", day);
    model.addAttribute("planned", contacts.planned(day));
    model.addAttribute("contacts", contacts.of(day));
    return "web/today";
  }
}
