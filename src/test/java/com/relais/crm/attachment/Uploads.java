package com.relais.crm.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Multipart uploads as a browser sends them, and the files the attachment tests throw at the service. */
public final class Uploads {
  private Uploads() {}

  public static ResponseEntity<String> upload(TestRestTemplate rest, String user, String ownerQuery, String name,
      byte[] bytes, String clientType) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.parseMediaType(clientType));
    form.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    }, part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, user).exchange("/api/attachments?" + ownerQuery, HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  /** A real one-page PDF whose text is {@code text}. */
  public static byte[] pdf(String text) throws IOException {
    return pdf(text, null);
  }

  /** A real one-page PDF whose text is {@code text}, with {@code image} drawn on the page when there is one. */
  static byte[] pdf(String text, java.awt.image.BufferedImage image) throws IOException {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        if (image != null) {
          content.drawImage(org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, image),
              72, 72, 200, 200);
        }
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  /** The start of a Linux executable, padded. */
  static byte[] elf() {
    byte[] bytes = new byte[4096];
    byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};
    System.arraycopy(header, 0, bytes, 0, header.length);
    return bytes;
  }

  /** The start of a Windows executable: DOS stub pointing at a PE header. */
  static byte[] mz() {
    byte[] bytes = new byte[4096];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3c] = (byte) 0x80;
    bytes[0x80] = 'P';
    bytes[0x81] = 'E';
    String stub = "This program cannot be run in DOS mode.";
    System.arraycopy(stub.getBytes(), 0, bytes, 0x4e, stub.length());
    return bytes;
  }

  static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 0x77, 0x53, (byte) 0xde};
  }

  /**
   * A well-formed .docx whose document.xml inflates to about 60 MB of text: an allowed type, so it is stored, and
   * only the extraction's limits stand between it and the server's memory.
   */
  static byte[] docxBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          </Relationships>""");
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w="
          + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>").getBytes());
      byte[] paragraph = ("<w:p><w:r><w:t>" + "bomb ".repeat(200) + "</w:t></w:r></w:p>").getBytes();
      for (int i = 0; i < 60_000; i++) {
        zip.write(paragraph);
      }
      zip.write("</w:body></w:document>".getBytes());
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** 50 MB of zeros squeezed into a small zip. */
  static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("zeros.txt"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 50; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
