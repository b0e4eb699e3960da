package com.relais.crm.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The files a salesperson would have attached: a quote and a visit report as small one-page PDFs (real text, so the
 * quick search finds them by a word inside, "chariot élévateur" for instance) and a warehouse layout as a PNG.
 * Drawn here rather than shipped, so the repository holds no binary and the dates are recent.
 */
final class DemoDocuments {
  private static final float MARGIN = 56;
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private DemoDocuments() {}

  static byte[] quote(String number, LocalDate date) throws IOException {
    return pdf("Devis " + number, List.of(
        "Date : " + FRENCH_DATE.format(date) + "      Validité : 30 jours",
        "Client : Logistique Fontaine SAS, 27 boulevard de Paris, 13002 Marseille",
        "Objet : équipement de la zone de stockage de Fos-sur-Mer",
        "",
        "1 x Chariot élévateur électrique 2,5 t, mât triplex 4,70 m ........ 28 900,00 EUR",
        "2 x Transpalette électrique 1,6 t ..................................... 5 980,00 EUR",
        "12 x Travée de rayonnage à palettes, 3 niveaux ...................... 9 240,00 EUR",
        "Formation des caristes (CACES R489), 1 journée ........................ 1 150,00 EUR",
        "",
        "Total HT : 45 270,00 EUR     TVA 20 % : 9 054,00 EUR     Total TTC : 54 324,00 EUR",
        "",
        "Livraison sous trois semaines après signature du bon de livraison.",
        "Le chariot élévateur est livré avec chargeur embarqué et contrôle de mise en service."));
  }

  static byte[] visitReport(LocalDate date) throws IOException {
    return pdf("Compte rendu de visite - silo de Mer", List.of(
        "Date : " + FRENCH_DATE.format(date),
        "Client : Coopérative agricole du Val de Loire",
        "Présents : responsable du silo, responsable achats, Max Manager (Relais)",
        "",
        "Constats :",
        "- les tubes d'irrigation sont stockés au sol, à l'extérieur ;",
        "- le magasin de pièces manque de rayonnages, allées encombrées.",
        "",
        "Besoins :",
        "- rayonnage cantilever couvert pour 400 tubes de 6 m ;",
        "- deux transpalettes manuels et un gerbeur pour le magasin.",
        "",
        "Suite : proposition chiffrée avant la fin du mois, visite de contrôle au printemps."));
  }

  /** A top view of a warehouse: racks in blue, aisles in grey, loading docks in orange. Shapes only, no fonts. */
  static byte[] warehouseLayout() throws IOException {
    BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 480, 300);
      g.setColor(new Color(0xDD, 0xDD, 0xDD));
      g.fillRect(20, 20, 440, 220);
      g.setColor(new Color(0x1F, 0x5F, 0xA8));
      for (int rack = 0; rack < 6; rack++) {
        g.fillRect(40 + rack * 70, 40, 24, 180);
      }
      g.setColor(new Color(0xF2, 0x8C, 0x28));
      for (int dock = 0; dock < 4; dock++) {
        g.fillRect(50 + dock * 105, 250, 70, 30);
      }
      g.setColor(Color.DARK_GRAY);
      g.drawRect(20, 20, 440, 220);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static byte[] pdf(String title, List<String> lines) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      float y = page.getMediaBox().getHeight() - MARGIN;
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        text(content, bold, 16, y, "Relais CRM - " + title);
        y -= 36;
        for (String line : lines) {
          text(content, regular, 10, y, line);
          y -= 16;
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private static void text(PDPageContentStream content, PDType1Font font, float size, float y, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(MARGIN, y);
    content.showText(text);
    content.endText();
  }
}
