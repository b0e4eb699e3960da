package com.relais.crm.signing;

import com.relais.crm.delivery.DeliveryBpmn;
import com.relais.crm.platform.ConflictException;
import com.relais.crm.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /public/reception/{token}}: the reception note signed on a phone, the customer's own (the mailed link) or
 * the courier's (the deal's page). No login: the token in the path is the capability, and the form carries the
 * page's HMAC ({@link SigningPageKey}) as the signing page's does. GET shows the note and the form, {@code /note.pdf}
 * the note; POST records the reception, accepted or refused with a reason, and completes the reception task. A token
 * that is unknown, forged, used, replaced or expired, or whose reception was recorded already, is a 404 page and
 * changes nothing. A refused form (no name, no choice, a refusal without a reason) is a 400 page and records nothing.
 */
@RestController
class ReceptionPage {
  static final String PATH = "/public/reception/";
  /** Room for a reason or reserves: well within the delivery's reception comment and the support case's reason. */
  static final int LONGEST_REASON = 1000;

  private final OnSiteReceptions receptions;
  private final SigningPageKey pageKey;

  ReceptionPage(OnSiteReceptions receptions, SigningPageKey pageKey) {
    this.receptions = receptions;
    this.pageKey = pageKey;
  }

  @GetMapping(path = PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> form(@PathVariable String token) {
    return receptions.open(token)
        .map(link -> SignaturePage.html(HttpStatus.OK,
            ReceptionPageHtml.form(token, pageKey.of(link.tokenHash()), ReceptionPageHtml.Typed.NOTHING, null)))
        .orElseGet(ReceptionPage::notFound);
  }

  @GetMapping(path = PATH + "{token}/note.pdf")
  ResponseEntity<?> note(@PathVariable String token) {
    Optional<InputStream> note = receptions.note(token);
    if (note.isEmpty()) {
      return notFound();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("reception-note.pdf").build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .body(new InputStreamResource(note.get()));
  }

  @PostMapping(path = PATH + "{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> record(@PathVariable String token, @RequestParam(required = false) String name,
      @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason,
      @RequestParam(name = "pageKey", required = false) String givenKey, HttpServletRequest request) {
    Optional<SigningTokens.OpenToken> link = receptions.open(token);
    if (link.isEmpty()) {
      return notFound();
    }
    String hash = link.get().tokenHash();
    if (!pageKey.matches(hash, givenKey)) {
      return SignaturePage.html(HttpStatus.FORBIDDEN, SigningPageHtml.message("Please sign on the reception page",
          "This form did not come from the reception page. Open the link again. Nothing was recorded."));
    }
    ReceptionPageHtml.Typed typed = new ReceptionPageHtml.Typed(name == null ? "" : name.strip(),
        outcome == null ? "" : outcome, reason == null ? "" : reason.strip().replace("\r\n", "\n").replace('\r', '\n'));
    String problem = problemWith(typed);
    if (problem != null) {
      return SignaturePage.html(HttpStatus.BAD_REQUEST, ReceptionPageHtml.form(token, pageKey.of(hash), typed,
          problem));
    }
    boolean accepted = DeliveryBpmn.OUTCOME_POSITIVE.equals(typed.outcome());
    try {
      receptions.record(token, new OnSiteReceptions.Reception(typed.name(), accepted,
          typed.reason().isEmpty() ? null : typed.reason()), request.getRemoteAddr());
    } catch (OnlineSignatures.UnusableLink | NotFoundException unusable) {
      return notFound();
    } catch (ConflictException recordedMeanwhile) {
      return SignaturePage.html(HttpStatus.CONFLICT, SigningPageHtml.message("This reception was recorded already",
          "The reception of this delivery was recorded meanwhile, by someone else. Nothing was recorded from this"
              + " page."));
    }
    return SignaturePage.html(HttpStatus.OK, SigningPageHtml.message("Thank you", accepted
        ? "The delivery is recorded as received in good condition. Your name, the time and your network address are"
            + " recorded on the reception note, which is signed digitally. You can close this page."
        : "The refusal is recorded with your reason, and our support team will contact you. Your name, the time and"
            + " your network address are recorded on the reception note, which is signed digitally. You can close"
            + " this page."));
  }

  /** What the signer must fix, or null. */
  private static String problemWith(ReceptionPageHtml.Typed typed) {
    String name = typed.name();
    if (name.isEmpty()) {
      return "Please type your name.";
    }
    if (name.length() > SignaturePage.LONGEST_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
      return "Please type your name only, in at most " + SignaturePage.LONGEST_NAME + " characters.";
    }
    if (!DeliveryBpmn.OUTCOME_POSITIVE.equals(typed.outcome())
        && !DeliveryBpmn.OUTCOME_NEGATIVE.equals(typed.outcome())) {
      return "Please choose: received in good condition, or refused.";
    }
    String reason = typed.reason();
    if (DeliveryBpmn.OUTCOME_NEGATIVE.equals(typed.outcome()) && reason.isEmpty()) {
      return "Please say why you refuse the delivery: a refusal needs its reason.";
    }
    if (reason.length() > LONGEST_REASON
        || reason.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      return "Please write the reason or the reserves as text, in at most " + LONGEST_REASON + " characters.";
    }
    return null;
  }

  private static ResponseEntity<String> notFound() {
    return SignaturePage.html(HttpStatus.NOT_FOUND, SigningPageHtml.message("This link is not valid",
        "It was used already, it has expired or been replaced by a newer one, the reception was recorded already,"
            + " or it is not one of ours. Nothing was recorded. If the delivery still needs your signature, ask the"
            + " courier or your contact."));
  }
}
