package com.relais.crm.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Who gets the HTTP Basic challenge ({@code WWW-Authenticate: Basic}) with a 401: programs (scripts, the Modeler,
 * curl), which ask for it by calling /api or /engine-rest without a login. Never a browser: for a page, a script of
 * a page or a link opened in a tab, the challenge opens the browser's own password dialog, which no Tasklist or
 * Cockpit user can get past (the webapps log in with their own form and session). A browser is known by the
 * {@code Sec-Fetch-Mode} header every current browser sends, or by the {@code X-Requested-With} header of the
 * webapps' scripts.
 */
final class BasicChallenge {
  static final String HEADER = "WWW-Authenticate";

  private BasicChallenge() {}

  static boolean isForBrowser(HttpServletRequest request) {
    return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("X-Requested-With") != null;
  }

  /** The response as it is for programs; for a browser, one that drops the challenge whoever sets it. */
  static HttpServletResponse withoutChallengeFor(HttpServletRequest request, HttpServletResponse response) {
    if (!isForBrowser(request)) {
      return response;
    }
    return new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        if (!HEADER.equalsIgnoreCase(name)) {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, String value) {
        if (!HEADER.equalsIgnoreCase(name)) {
          super.addHeader(name, value);
        }
      }
    };
  }
}
