package com.relais.crm.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Decides what a file is from its bytes alone (Tika's magic and container detectors; never the client's name or
 * Content-Type), then checks that the type is allowed and that the file's extension does not claim something else.
 */
@Component
class ContentCheck {
  private final Detector detector;
  private final MimeTypes byName;
  private final MediaTypeRegistry registry;
  private final Set<MediaType> allowed;

  ContentCheck(AttachmentProperties properties) {
    TikaConfig tika = TikaConfig.getDefaultConfig();
    this.detector = tika.getDetector();
    this.byName = tika.getMimeRepository();
    this.registry = tika.getMediaTypeRegistry();
    this.allowed = properties.allowedTypes().stream().map(String::strip).map(MediaType::parse)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * @param content supports mark/reset; it is back at its start afterwards
   * @return the detected type, without parameters
   */
  MediaType detect(InputStream content) throws IOException {
    // no resource name in the metadata: the name must not influence what the bytes are
    return registry.normalize(detector.detect(content, new Metadata())).getBaseType();
  }

  /** Throws 415 unless {@code detected} is allowed and agrees with the extension of {@code fileName}. */
  void accept(MediaType detected, String fileName) {
    if (!allowed.contains(detected)) {
      throw UploadRefused.unsupported("Files of type " + detected + " are not accepted");
    }
    if (FileNames.extensionOf(fileName).isEmpty()) {
      return;
    }
    MediaType claimed = claimedBy(fileName);
    boolean agrees = claimed.equals(MediaType.OCTET_STREAM) // an extension Tika does not know claims nothing
        || claimed.equals(detected)
        || registry.isSpecializationOf(claimed, detected)
        || registry.isSpecializationOf(detected, claimed);
    if (!agrees) {
      throw UploadRefused.unsupported("The file's content (" + detected + ") does not match its name ("
          + claimed + ")");
    }
  }

  private MediaType claimedBy(String fileName) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try {
      return registry.normalize(byName.detect(null, metadata)).getBaseType();
    } catch (IOException e) {
      return MediaType.OCTET_STREAM; // detection by name reads no bytes; cannot happen
    }
  }
}
