package com.relais.crm.signing;

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
 * {@code /public/sign/{token}}: no login, the token in the path is the capability. GET shows the note and the form,
 * {@code /note.pdf} the note itself; POST signs (name, agreement, and the page's own HMAC, {@link SigningPageKey}).
 * A token that is unknown, forged, used, replaced or expired is a 404 page, and changes nothing; so is every later
 * use of a token that signed. A refused form (no name, no agreement) is a 400 page and signs nothing.
 */
@RestController
class SignaturePage {
  static final int LONGEST_NAME = 200;

  private final OnlineSignatures signatures;
  private final SigningPageKey pageKey;

  SignaturePage(OnlineSignatures signatures, SigningPageKey pageKey) {
    this.signatures = signatures;
    this.pageKey = pageKey;
  }

  @GetMapping(path = "/public/sign/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> form(@PathVariable String token) {
    return signatures.open(token)
        .map(link -> html(HttpStatus.OK, SigningPageHtml.form(token, pageKey.of(link.tokenHash()), "", null)))
        .orElseGet(SignaturePage::notFound);
  }

  @GetMapping(path = "/public/sign/{token}/note.pdf")
  ResponseEntity<?> note(@PathVariable String token) {
    Optional<InputStream> note = signatures.note(token);
    if (note.isEmpty()) {
      return notFound();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("delivery-note.pdf").build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .body(new InputStreamResource(note.get()));
  }

  @PostMapping(path = "/public/sign/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> sign(@PathVariable String token, @RequestParam(required = false) String name,
      @RequestParam(required = false) String agree, @RequestParam(name = "pageKey", required = false) String givenKey,
      HttpServletRequest request) {
    Optional<SigningTokens.OpenToken> link = signatures.open(token);
    if (link.isEmpty()) {
      return notFound();
    }
    String hash = link.get().tokenHash();
    if (!pageKey.matches(hash, givenKey)) {
      return html(HttpStatus.FORBIDDEN, SigningPageHtml.message("Please sign on the signing page",
          "This form did not come from the signing page. Open the link of your e-mail again. Nothing was signed."));
    }
    String typed = name == null ? "" : name.strip();
    String problem = problemWith(typed, agree);
    if (problem != null) {
      return html(HttpStatus.BAD_REQUEST, SigningPageHtml.form(token, pageKey.of(hash), typed, problem));
    }
    try {
      signatures.sign(token, typed, request.getRemoteAddr());
    } catch (OnlineSignatures.UnusableLink | NotFoundException unusable) {
      return notFound();
    } catch (ConflictException notWaiting) {
      return html(HttpStatus.CONFLICT, SigningPageHtml.message("This note cannot be signed now",
          "The deal no longer waits for this signature. Nothing was signed; please contact us."));
    }
    return html(HttpStatus.OK, SigningPageHtml.message("Thank you",
        "The delivery note is signed. Your signature, the time and your network address are recorded on it, and"
            + " the note is signed digitally. You can close this page."));
  }

  /** What the signer must fix, or null. */
  private static String problemWith(String typedName, String agree) {
    if (typedName.isEmpty()) {
      return "Please type your name.";
    }
    if (typedName.length() > LONGEST_NAME || typedName.codePoints().anyMatch(Character::isISOControl)) {
      return "Please type your name only, in at most " + LONGEST_NAME + " characters.";
    }
    if (agree == null) {
      return "Please tick the box to sign.";
    }
    return null;
  }

  private static ResponseEntity<String> notFound() {
    return html(HttpStatus.NOT_FOUND, SigningPageHtml.message("This link is not valid",
        "It was used already, it has expired or been replaced by a newer one, or it is not one of ours. Nothing was"
            + " signed. If you still need to sign, ask your contact for a new link."));
  }

  /** Never cached, never sent on as a referrer: the page's address is the token (the reception page's too). */
  static ResponseEntity<String> html(HttpStatus status, String page) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
        .header("Referrer-Policy", "no-referrer")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(page);
  }
}
