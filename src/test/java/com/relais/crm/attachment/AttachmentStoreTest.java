package com.relais.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relais.crm.HttpTest;
import java.io.ByteArrayInputStream;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A round trip through the MinIO client over HTTP to the S3 endpoint the service runs with. */
@HttpTest
class AttachmentStoreTest {
  @Autowired AttachmentStore store;
  @Autowired S3Endpoint endpoint;
  @Autowired StorageProperties properties;

  @Test
  void putStatGetAndDeleteOverTheS3Api() throws Exception {
    assertThat(endpoint.url()).startsWith("http://");
    byte[] content = new byte[7 * 1024 * 1024 + 13]; // more than one upload part
    new Random(42).nextBytes(content);
    String key = "test/" + UUID.randomUUID();

    store.put(key, new ByteArrayInputStream(content), "application/octet-stream");
    StoredObject stored = store.stat(key);
    assertThat(stored.size()).isEqualTo(content.length);
    assertThat(stored.contentType()).isEqualTo("application/octet-stream");
    assertThat(store.keys("test/")).contains(key);

    try (InputStream back = store.get(key)) {
      assertThat(sha256(back.readAllBytes())).isEqualTo(sha256(content));
    }

    store.delete(key);
    assertThat(store.exists(key)).isFalse();
  }

  @Test
  void aSmallPutIsOneRequestAndReadsNothingBack() {
    List<String> requests = new CopyOnWriteArrayList<>();
    String key = "test/" + UUID.randomUUID();

    counting(requests).put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), "application/octet-stream");
    assertThat(requests).containsExactly("PUT");
    assertThat(store.stat(key).size()).isEqualTo(3);
    store.delete(key);
  }

  @Test
  void aLargePutGoesInPartsEvenWhenItsSizeIsAMultipleOfAPart() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    byte[] content = new byte[2 * AttachmentStore.PART_SIZE];
    new Random(7).nextBytes(content);
    String key = "test/" + UUID.randomUUID();

    counting(requests).put(key, new ByteArrayInputStream(content), "image/png");
    // start, two parts, complete
    assertThat(requests).containsExactly("POST", "PUT", "PUT", "POST");
    assertThat(store.stat(key).contentType()).isEqualTo("image/png");
    try (InputStream back = store.get(key)) {
      assertThat(sha256(back.readAllBytes())).isEqualTo(sha256(content));
    }
    store.delete(key);
  }

  @Test
  void aStreamThatFailsHalfWayLeavesNoObjectAndNoParts() {
    List<String> requests = new CopyOnWriteArrayList<>();
    String key = "test/" + UUID.randomUUID();
    IOException cut = new IOException("the client went away");
    InputStream failing = new SequenceInputStream(new ByteArrayInputStream(new byte[7 * 1024 * 1024]),
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw cut;
          }
        });

    assertThatThrownBy(() -> counting(requests).put(key, failing, "image/png"))
        .isInstanceOf(StoreUnavailableException.class).hasCause(cut);
    // the multipart upload was started, its first part sent, then aborted
    assertThat(requests).containsExactly("POST", "PUT", "DELETE");
    assertThat(store.exists(key)).isFalse();
  }

  @Test
  void putsRunningAtTheSameTimeKeepTheirOwnBytes() throws Exception {
    List<byte[]> contents = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] content = new byte[AttachmentStore.PART_SIZE * 2 + 1000 * i];
      new Random(i).nextBytes(content);
      contents.add(content);
      keys.add("test/" + UUID.randomUUID());
    }
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int n = i;
        puts.add(threads.submit(() -> store.put(keys.get(n), new ByteArrayInputStream(contents.get(n)), "image/png")));
      }
      for (Future<?> put : puts) {
        put.get();
      }
    } finally {
      threads.shutdown();
    }
    for (int i = 0; i < 3; i++) {
      try (InputStream back = store.get(keys.get(i))) {
        assertThat(sha256(back.readAllBytes())).isEqualTo(sha256(contents.get(i)));
      }
      store.delete(keys.get(i));
    }
  }

  /** A store on the same endpoint whose S3 requests are listed (by method) in {@code requests}. */
  private AttachmentStore counting(List<String> requests) {
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
      requests.add(chain.request().method());
      return chain.proceed(chain.request());
    }).build();
    return new AttachmentStore(
        MinioClient.builder().endpoint(endpoint.url()).credentials(endpoint.accessKey(), endpoint.secretKey())
            .region(properties.region()).httpClient(http).build(),
        new S3PartClient(MinioAsyncClient.builder().endpoint(endpoint.url())
            .credentials(endpoint.accessKey(), endpoint.secretKey()).region(properties.region()).httpClient(http)
            .build()),
        properties);
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
