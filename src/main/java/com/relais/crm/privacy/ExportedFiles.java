package com.relais.crm.privacy;

import com.relais.crm.attachment.AttachmentPersonalData;
import com.relais.crm.attachment.AttachmentView;
import com.relais.crm.attachment.ObjectMissingException;
import com.relais.crm.document.DocumentService;
import com.relais.crm.document.GeneratedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * The export's files/ folder: each attachment and generated document copied from the store into its own entry as it
 * streams in (a file is never held whole in memory), with its size and SHA-256 taken from the bytes copied, for
 * files/index.json. A file whose object is missing from the store is listed as missing instead of failing the export.
 */
@Component
class ExportedFiles {
  static final String FOLDER = "files/";
  private static final int BUFFER = 64 * 1024;

  private final AttachmentPersonalData attachments;
  private final DocumentService documents;

  ExportedFiles(AttachmentPersonalData attachments, DocumentService documents) {
    this.attachments = attachments;
    this.documents = documents;
  }

  /** One line of files/index.json; {@code path} is null and {@code missing} says why when the bytes are gone. */
  record IndexEntry(String path, String kind, long id, String ownerType, long ownerId, String fileName,
      String contentType, Long size, String sha256, String missing) {}

  IndexEntry attachment(ZipOutputStream zip, AttachmentView file) throws IOException {
    String path = FOLDER + "attachment-" + file.id() + "-" + entryName(file.fileName());
    Copied copied = copy(zip, path, () -> attachments.content(file.id()));
    return new IndexEntry(copied.missing() == null ? path : null, "attachment", file.id(), file.ownerType().name(),
        file.ownerId(), file.fileName(), file.contentType(), copied.size(), copied.sha256(), copied.missing());
  }

  IndexEntry document(ZipOutputStream zip, GeneratedDocument document) throws IOException {
    String path = FOLDER + "document-" + document.getId() + "-" + entryName(document.getFileName());
    Copied copied = copy(zip, path, () -> documents.content(document));
    return new IndexEntry(copied.missing() == null ? path : null, document.getKind().name(), document.getId(),
        "OPPORTUNITY", document.getOpportunityId(), document.getFileName(), "application/pdf", copied.size(),
        copied.sha256(), copied.missing());
  }

  private record Copied(Long size, String sha256, String missing) {}

  private static Copied copy(ZipOutputStream zip, String path, Supplier<InputStream> source) throws IOException {
    InputStream content;
    try {
      content = source.get();
    } catch (ObjectMissingException e) {
      return new Copied(null, null, e.publicMessage());
    }
    MessageDigest sha256 = sha256();
    long size = 0;
    try (InputStream in = content) {
      zip.putNextEntry(new ZipEntry(path));
      byte[] buffer = new byte[BUFFER];
      for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
        zip.write(buffer, 0, read);
        sha256.update(buffer, 0, read);
        size += read;
      }
      zip.closeEntry();
    }
    return new Copied(size, HexFormat.of().formatHex(sha256.digest()), null);
  }

  /** A file name as a ZIP entry may carry it: no folders, no control characters, not too long. */
  static String entryName(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
    name = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    return name.length() <= 120 ? name : name.substring(name.length() - 120);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
