package com.relais.crm.web;

import com.relais.crm.identity.StaffGroups;
import com.relais.crm.reporting.Dashboard;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The manager's dashboard as a page: the same figures as {@code GET /api/dashboard} and Cockpit's plugin. */
@Controller
class DashboardPage {
  private final Dashboard dashboard;

  DashboardPage(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/dashboard")
  @PreAuthorize(StaffGroups.MANAGERS_ONLY)
  String dashboard(Model model) {
    model.addAttribute("view", dashboard.view(null, null, null));
    return "web/dashboard";
  }
}
