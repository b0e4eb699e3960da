package com.relais.crm.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Prints the online signature on the note's first page, in a box at the foot of the page (the note's own signature
 * box is for a pen): the typed name, the time (UTC), the signer's network address and where the link was sent. The
 * digital signature added after it covers these lines too.
 */
final class SignatureStamp {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final float BOX_TOP = 150;

  private SignatureStamp() {}

  static byte[] stamp(byte[] pdf, SignerDetails signer) {
    try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = document.getPage(0);
      var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      float x = NotePdf.MARGIN;
      float width = page.getMediaBox().getWidth() - 2 * NotePdf.MARGIN;
      try (PDPageContentStream content = new PDPageContentStream(document, page,
          PDPageContentStream.AppendMode.APPEND, true, true)) {
        content.addRect(x - 6, BOX_TOP - 78, width + 12, 90);
        content.stroke();
        NotePdf.text(content, bold, 11, x, BOX_TOP - 4, "Signed online by the customer");
        NotePdf.text(content, regular, 10, x, BOX_TOP - 22, "Name typed by the signer: " + signer.name());
        NotePdf.text(content, regular, 10, x, BOX_TOP - 37, "Signed at: " + TIME.format(signer.signedAt()));
        NotePdf.text(content, regular, 10, x, BOX_TOP - 52, "From the network address: " + signer.networkAddress());
        NotePdf.text(content, regular, 10, x, BOX_TOP - 67, "Signing link sent to: " + signer.linkSentTo());
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stamp the signature on the note", e);
    }
  }
}
