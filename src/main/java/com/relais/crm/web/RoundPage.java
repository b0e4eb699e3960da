package com.relais.crm.web;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.routing.CourierRounds;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My round" on the courier's phone: the day's stops in order, each with its expected time, its address (a map link)
 * and the button that opens the reception on site for the customer to sign (the deal page's own button, which
 * checks that this courier may record that reception).
 */
@Controller
class RoundPage {
  private final CourierRounds rounds;
  private final CurrentUser currentUser;
  private final Clock clock;

  RoundPage(CourierRounds rounds, CurrentUser currentUser, Clock clock) {
    this.rounds = rounds;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/round")
  String round(@RequestParam(required = false) String day, Model model) {
    LocalDate date = rounds.today(clock.instant());
    if (day != null && !day.isBlank()) {
      try {
        date = LocalDate.parse(day);
      } catch (DateTimeParseException notADay) {
        // a mistyped address bar: today's round, which is what the courier wants
      }
    }
    model.addAttribute("day", date);
    model.addAttribute("round", rounds.of(date, currentUser.id()).orElse(null));
    return "web/round";
  }
}
