package com.relais.crm.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security takes its POST (identity's staff web app chain). */
@Controller
class LoginPage {
  @GetMapping("/login")
  String login() {
    return "web/login";
  }

  /** What the service worker shows when a page is asked for without a network and is not in its cache. */
  @GetMapping("/offline")
  String offline() {
    return "web/offline";
  }

  @GetMapping("/")
  String home() {
    return "redirect:/today";
  }
}
