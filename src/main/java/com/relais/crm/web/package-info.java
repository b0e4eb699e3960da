/**
 * The staff web app at {@code /}: server-rendered pages (Thymeleaf) with htmx for the parts that change in place,
 * for people on a desk or on a phone. A face: it reads and changes records only through the other modules' public
 * services, so the pages follow the same rules as the API (private exchanges, deal access, groups); nothing depends
 * on it. Tasks are still done in Tasklist, which every task link opens.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "deal", "customer",
    "communication", "attachment", "opportunity", "delivery", "support", "document", "notification", "contact",
    "timeline", "search", "reporting", "routing", "signing"})
package com.relais.crm.web;
