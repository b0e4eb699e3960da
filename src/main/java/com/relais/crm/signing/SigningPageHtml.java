package com.relais.crm.signing;

import org.springframework.web.util.HtmlUtils;

/**
 * The signing page's HTML: plain, escaped, readable on a phone and without JavaScript (the public pages render
 * theirs the same way; there is no template engine on the class path). The note shows in a frame, with a link to
 * open it on its own, which phones that show no PDF in a frame need.
 */
final class SigningPageHtml {
  private static final String STYLE = "<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0"
      + " 1rem}label{display:block;margin:.8rem 0 .2rem}input[type=text],textarea{width:100%;padding:.5rem;"
      + "font-size:1rem;box-sizing:border-box}fieldset{margin:1rem 0;padding:.2rem .8rem .8rem}"
      + "iframe{width:100%;height:60vh;border:1px solid #bbb}.problem{color:#a00;font-weight:bold}"
      + "button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}</style>";

  private SigningPageHtml() {}

  /** The note and the form; {@code problem} (may be null) says what to fix in a refused post. */
  static String form(String token, String pageKey, String typedName, String problem) {
    String base = "/public/sign/" + HtmlUtils.htmlEscape(token);
    return page("Sign the delivery note",
        "<p>Please read the delivery note below, then type your name and tick the box to sign it.</p>"
            + "<p><a href=\"" + base + "/note.pdf\" target=\"_blank\" rel=\"noopener\">Open the delivery note"
            + " (PDF)</a></p>"
            + "<iframe src=\"" + base + "/note.pdf\" title=\"The delivery note\"></iframe>"
            + (problem == null ? "" : "<p class=\"problem\">" + HtmlUtils.htmlEscape(problem) + "</p>")
            + "<form method=\"post\" action=\"" + base + "\">"
            + "<input type=\"hidden\" name=\"pageKey\" value=\"" + HtmlUtils.htmlEscape(pageKey) + "\">"
            + "<label for=\"name\">Your full name</label><input type=\"text\" id=\"name\" name=\"name\" required"
            + " maxlength=\"" + SignaturePage.LONGEST_NAME + "\" autocomplete=\"name\" value=\""
            + HtmlUtils.htmlEscape(typedName) + "\">"
            + "<label><input type=\"checkbox\" name=\"agree\" value=\"yes\" required> I have read the delivery note"
            + " and I sign it. My name, the time and my network address are recorded on it, and it is then signed"
            + " digitally.</label>"
            + "<button type=\"submit\">Sign the delivery note</button></form>");
  }

  static String message(String title, String text) {
    return page(title, "<p>" + HtmlUtils.htmlEscape(text) + "</p>");
  }

  /** A whole page around this body: the reception page has the same look ({@link ReceptionPageHtml}). */
  static String page(String title, String bodyHtml) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
        + " content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>"
        + HtmlUtils.htmlEscape(title) + "</title>" + STYLE + "</head><body><h1>" + HtmlUtils.htmlEscape(title)
        + "</h1>" + bodyHtml + "</body></html>";
  }
}
