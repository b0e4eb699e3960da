package com.relais.crm.attachment;

import com.google.common.collect.ImmutableMultimap;
import io.minio.MinioAsyncClient;
import io.minio.ObjectWriteResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The MinIO client's asynchronous API, plus a put of bytes already in memory. {@link AttachmentStore} reads each
 * part of an upload into a buffer it reuses and hands the buffer over as it is: through the public stream API the
 * client would copy every part into a fresh, growing array of its own (up to 8 MB of short-lived large arrays per
 * upload). The multipart calls it uses are public; only the single put of a byte array is not.
 */
class S3PartClient extends MinioAsyncClient {

  S3PartClient(MinioAsyncClient client) {
    super(client);
  }

  CompletableFuture<ObjectWriteResponse> putBytes(String bucket, String region, String key, byte[] data, int length,
      String contentType) throws Exception {
    return putObjectAsync(bucket, region, key, data, length, contentTypeHeader(contentType), null);
  }

  static ImmutableMultimap<String, String> contentTypeHeader(String contentType) {
    return ImmutableMultimap.of("Content-Type", contentType);
  }
}
