package com.relais.crm.signing;

import com.relais.crm.delivery.DeliveryBpmn;
import org.springframework.web.util.HtmlUtils;

/**
 * The reception page's HTML, with the signing page's look ({@link SigningPageHtml}): the reception note in a frame
 * and a link to it, the two choices, the reason (required to refuse) or reserves, and the signer's name. Everything
 * typed comes back escaped. Without JavaScript: the reason field is always there, and the server says when it is
 * missing.
 */
final class ReceptionPageHtml {
  private ReceptionPageHtml() {}

  /** What the signer typed and chose, shown again with a refused post (empty strings on the first visit). */
  record Typed(String name, String outcome, String reason) {
    static final Typed NOTHING = new Typed("", "", "");
  }

  /** The note and the form; {@code problem} (may be null) says what to fix in a refused post. */
  static String form(String token, String pageKey, Typed typed, String problem) {
    String base = ReceptionPage.PATH + HtmlUtils.htmlEscape(token);
    return SigningPageHtml.page("Confirm the reception of your delivery",
        "<p>Please check the delivery and read the reception note below. Then say whether you accept the delivery"
            + " or refuse it, and type your name to sign.</p>"
            + "<p><a href=\"" + base + "/note.pdf\" target=\"_blank\" rel=\"noopener\">Open the reception note"
            + " (PDF)</a></p>"
            + "<iframe src=\"" + base + "/note.pdf\" title=\"The reception note\"></iframe>"
            + (problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + HtmlUtils.htmlEscape(problem) + "</p>")
            + "<form method=\"post\" action=\"" + base + "\">"
            + "<input type=\"hidden\" name=\"pageKey\" value=\"" + HtmlUtils.htmlEscape(pageKey) + "\">"
            + "<fieldset><legend>The delivery</legend>"
            + choice(DeliveryBpmn.OUTCOME_POSITIVE, "Received in good condition", typed.outcome())
            + choice(DeliveryBpmn.OUTCOME_NEGATIVE, "Refused", typed.outcome())
            + "</fieldset>"
            + "<label for=\"reason\">Why you refuse it (required to refuse), or your reserves if you accept it</label>"
            + "<textarea id=\"reason\" name=\"reason\" rows=\"4\" maxlength=\"" + ReceptionPage.LONGEST_REASON + "\">"
            + HtmlUtils.htmlEscape(typed.reason()) + "</textarea>"
            + "<label for=\"name\">Your full name</label><input type=\"text\" id=\"name\" name=\"name\" required"
            + " maxlength=\"" + SignaturePage.LONGEST_NAME + "\" autocomplete=\"name\" value=\""
            + HtmlUtils.htmlEscape(typed.name()) + "\">"
            + "<p>Your choice, your name, the time and your network address are recorded on the reception note, which"
            + " is then signed digitally. A refusal goes to our support team with your reason.</p>"
            + "<button type=\"submit\">Sign the reception note</button></form>");
  }

  private static String choice(String value, String label, String chosen) {
    return "<label><input type=\"radio\" name=\"outcome\" value=\"" + value + "\" required"
        + (value.equals(chosen) ? " checked" : "") + "> " + HtmlUtils.htmlEscape(label) + "</label>";
  }
}
