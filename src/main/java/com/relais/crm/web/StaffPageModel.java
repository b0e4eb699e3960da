package com.relais.crm.web;

import com.relais.crm.identity.CurrentUser;
import com.relais.crm.identity.StaffGroups;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's frame shows: who is logged in and whether the manager's pages are theirs. The user is looked up
 * when a page asks (a provider): web-layer slice tests load this advice without the identity module's beans.
 */
@ControllerAdvice(basePackageClasses = StaffPageModel.class)
class StaffPageModel {
  private final org.springframework.beans.factory.ObjectProvider<CurrentUser> users;

  StaffPageModel(org.springframework.beans.factory.ObjectProvider<CurrentUser> users) {
    this.users = users;
  }

  @ModelAttribute("me")
  String me() {
    return users.getObject().id();
  }

  @ModelAttribute("isManager")
  boolean isManager() {
    return users.getObject().isInAnyGroup(StaffGroups.MANAGERS, StaffGroups.ADMIN);
  }

  @ModelAttribute("isCourier")
  boolean isCourier() {
    return users.getObject().isInAnyGroup(StaffGroups.COURIERS);
  }

  @ModelAttribute("mayEditCustomers")
  boolean mayEditCustomers() {
    return users.getObject().isInAnyGroup(StaffGroups.SALES_SIDE.toArray(String[]::new));
  }
}
