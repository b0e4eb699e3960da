package com.relais.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relais.crm.HttpTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A round trip through the MinIO client over HTTP to the S3 endpoint the service runs with. */
@HttpTest
class AttachmentStoreTest {
  @Autowired AttachmentStore store;
  @Autowired S3Endpoint endpoint;

  @Test
  void putStatGetAndDeleteOverTheS3Api() throws Exception {
    assertThat(endpoint.url()).startsWith("http://");
    byte[] content = new byte[7 * 1024 * 1024 + 13]; // more than one upload part
    new Random(42).nextBytes(content);
    String key = "test/" + UUID.randomUUID();

    StoredObject stored = store.put(key, new ByteArrayInputStream(content), -1, "application/octet-stream");
    assertThat(stored.size()).isEqualTo(content.length);
    assertThat(store.stat(key).contentType()).isEqualTo("application/octet-stream");
    assertThat(store.keys("test/")).contains(key);

    try (InputStream back = store.get(key)) {
      assertThat(sha256(back.readAllBytes())).isEqualTo(sha256(content));
    }

    store.delete(key);
    assertThat(store.exists(key)).isFalse();
  }

  @Test
  void aMissingObjectIsAClearError() {
    String key = "test/missing-" + UUID.randomUUID();
    assertThatThrownBy(() -> store.get(key))
        .isInstanceOf(ObjectMissingException.class)
        .hasMessageContaining(key);
    assertThatThrownBy(() -> store.stat(key)).isInstanceOf(ObjectMissingException.class);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
