package com.relais.crm.campaign;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The public sign-up form a company links from its website ({@code /public/signup}, no login) and the page its
 * confirmation link opens. Plain HTML that works on a phone and without JavaScript.
 */
@RestController
class SignupPage {
  private static final String STYLE = "<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0"
      + " 1rem}label{display:block;margin:.8rem 0 .2rem}input[type=text],input[type=email],input[type=tel],select"
      + "{width:100%;padding:.5rem;font-size:1rem}.hp{position:absolute;left:-10000px}button{margin-top:1rem;"
      + "padding:.6rem 1.2rem;font-size:1rem}</style>";

  private final Signups signups;

  SignupPage(Signups signups) {
    this.signups = signups;
  }

  @GetMapping(path = "/public/signup", produces = MediaType.TEXT_HTML_VALUE)
  String form() {
    StringBuilder sources = new StringBuilder();
    for (String source : Signups.SOURCES) {
      sources.append("<option value=\"").append(source).append("\">")
          .append(source.charAt(0)).append(source.substring(1).toLowerCase().replace('_', ' ')).append("</option>");
    }
    return page("Stay in touch", "<form method=\"post\" action=\"/public/signup\">"
        + "<label for=\"name\">Your name</label><input type=\"text\" id=\"name\" name=\"name\" required maxlength=\"200\">"
        + "<label for=\"email\">E-mail</label><input type=\"email\" id=\"email\" name=\"email\" maxlength=\"320\">"
        + "<label for=\"phone\">Phone</label><input type=\"tel\" id=\"phone\" name=\"phone\" maxlength=\"40\">"
        + "<label for=\"source\">How did you hear of us?</label><select id=\"source\" name=\"source\">" + sources
        + "</select>"
        + "<label><input type=\"checkbox\" name=\"emailConsent\" value=\"yes\"> Send me news by e-mail (we will ask you"
        + " to confirm)</label>"
        + "<label><input type=\"checkbox\" name=\"smsConsent\" value=\"yes\"> Send me news by SMS</label>"
        + "<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">Leave this empty</label>"
        + "<input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>"
        + "<button type=\"submit\">Sign up</button></form>");
  }

  @PostMapping(path = "/public/signup", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> register(@RequestParam(required = false) String name,
      @RequestParam(required = false) String email, @RequestParam(required = false) String phone,
      @RequestParam(required = false) String source, @RequestParam(required = false) String emailConsent,
      @RequestParam(required = false) String smsConsent, @RequestParam(required = false) String website,
      HttpServletRequest request) {
    try {
      var outcome = signups.register(new Signups.Form(name, email, phone, source, emailConsent != null,
          smsConsent != null, website), request.getRemoteAddr());
      return ResponseEntity.ok(page("Thank you", outcome == Signups.Outcome.CONFIRMATION_SENT
          ? "We have sent you an e-mail: please open its link to confirm that you want our news."
          : "We will be in touch."));
    } catch (Signups.Refused refused) {
      return ResponseEntity.status(refused.status).contentType(MediaType.TEXT_HTML)
          .body(page("Please check the form", refused.getMessage()));
    }
  }

  @GetMapping(path = "/public/signup/confirm", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
    return signups.confirm(token)
        .map(now -> ResponseEntity.ok(page(now ? "Confirmed" : "Already confirmed",
            "You will receive our news by e-mail. Each of them has a link to stop them.")))
        .orElseGet(() -> ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML)
            .body(page("This link is not valid", "Nothing was changed.")));
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
        + " content=\"width=device-width, initial-scale=1\"><title>" + HtmlUtils.htmlEscape(title) + "</title>"
        + STYLE + "</head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1>"
        + (body.startsWith("<form") ? body : "<p>" + HtmlUtils.htmlEscape(body) + "</p>") + "</body></html>";
  }
}
