package com.relais.crm.web;

import com.relais.crm.attachment.Attachment;
import com.relais.crm.attachment.AttachmentService;
import com.relais.crm.attachment.Owner;
import com.relais.crm.attachment.OwnerType;
import com.relais.crm.communication.CommunicationService;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.platform.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Files on a customer's page: dropped (or picked, or photographed) and sent by the page's script as the request body,
 * streamed to the store with the same checks as the API (type from the bytes, size limit, a name that lies is
 * refused with the reason); previewed inline when an image or a PDF, downloaded otherwise.
 */
@Controller
class FilePages {
  /** Shown inline by the browser's own viewer; anything else (HTML, SVG, scripts) is only ever a download. */
  private static final Set<String> PREVIEWABLE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
      "image/webp");

  private final AttachmentService attachments;
  private final CustomerService customers;
  private final CommunicationService communications;

  FilePages(AttachmentService attachments, CustomerService customers, CommunicationService communications) {
    this.attachments = attachments;
    this.customers = customers;
    this.communications = communications;
  }

  /** The file's name comes URL-encoded in a header (a name may hold any character); the body is the file. */
  @PostMapping("/customers/{id}/files")
  @ResponseBody
  ResponseEntity<Map<String, Object>> upload(@PathVariable long id, @RequestParam String name,
      HttpServletRequest request) throws IOException {
    customers.get(id);
    try (InputStream body = request.getInputStream()) {
      Attachment stored = attachments.upload(new Owner(OwnerType.CUSTOMER, id),
          URLDecoder.decode(name, StandardCharsets.UTF_8), body);
      return ResponseEntity.status(201).body(Map.of("id", stored.getId(), "fileName", stored.getFileName()));
    } catch (InvalidFieldException refused) {
      return ResponseEntity.badRequest().body(Map.of("message", refused.getMessage()));
    } catch (ErrorResponseException refused) {
      // refused for its type or size: the words the API gives, for the person who dropped it
      String reason = refused.getBody().getDetail();
      return ResponseEntity.status(refused.getStatusCode()).body(Map.of("message", reason == null ? "" : reason));
    }
  }

  @GetMapping("/customers/{id}/files")
  String list(@PathVariable long id, Model model) {
    model.addAttribute("customerId", id);
    model.addAttribute("files", attachments.of(new Owner(OwnerType.CUSTOMER, id)));
    return "web/customer :: files";
  }

  @GetMapping("/files/{id}")
  ResponseEntity<InputStreamResource> content(@PathVariable long id,
      @RequestParam(defaultValue = "false") boolean download) {
    Attachment file = attachments.get(id);
    boolean inline = !download && PREVIEWABLE.contains(file.getContentType());
    ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(file.getFileName(), StandardCharsets.UTF_8).build();
    var answer = ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.getContentType()))
        .contentLength(file.getSize())
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff");
    if (!"application/pdf".equals(file.getContentType())) {
      // anything opened here is inert; a PDF is left to the browser's own viewer, which a sandbox would block
      answer.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
    }
    return answer.body(new InputStreamResource(attachments.content(file)));
  }

  /** Where a file found by the search lives: its customer, its deal, or the customer of its exchange. */
  @GetMapping("/files/{id}/owner")
  String owner(@PathVariable long id) {
    Attachment file = attachments.get(id);
    return switch (file.getOwnerType()) {
      case CUSTOMER -> "redirect:/customers/" + file.getOwnerId();
      case OPPORTUNITY -> "redirect:/deals/" + file.getOwnerId();
      case COMMUNICATION -> {
        Long customerId = communications.get(file.getOwnerId()).getCustomerId();
        yield customerId == null ? "redirect:/search" : "redirect:/customers/" + customerId;
      }
    };
  }
}
