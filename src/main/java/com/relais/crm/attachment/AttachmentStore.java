package com.relais.crm.attachment;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.UploadPartResponse;
import io.minio.messages.Part;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The one door to the S3 object store (MinIO in production, S3Proxy in the quick start and tests). A put reads the
 * stream in parts of {@value #PART_SIZE} bytes into two buffers it takes from a small pool and gives back: while one
 * part is on its way to the store the next is read, so reading the upload and writing the store overlap, a large
 * file never sits whole in memory, and no upload allocates large arrays of its own.
 */
@Component
public class AttachmentStore implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);
  static final int PART_SIZE = 5 * 1024 * 1024;
  /** Idle part buffers kept for the next puts; two serve one put, more are made (and dropped) when many overlap. */
  private static final int SPARE_PARTS = 4;
  private static final String NO_SUCH_KEY = "NoSuchKey";

  private final MinioClient client;
  private final S3PartClient parts;
  private final String bucket;
  private final String region;
  private final BlockingQueue<byte[]> spareParts = new ArrayBlockingQueue<>(SPARE_PARTS);

  AttachmentStore(MinioClient client, S3PartClient parts, StorageProperties properties) {
    this.client = client;
    this.parts = parts;
    this.bucket = properties.bucket();
    this.region = properties.region();
  }

  /** The bucket is created at start when missing, so a fresh MinIO needs no manual step. */
  @Override
  public void afterPropertiesSet() {
    try {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
    } catch (Exception e) {
      throw new StoreUnavailableException("create bucket " + bucket, e);
    }
  }

  /**
   * Streams {@code content} to {@code key}, to its end. Up to {@value #PART_SIZE} bytes it is one request, beyond
   * that a multipart upload (aborted when anything fails, so no part is left behind). The store's acknowledgement is
   * the proof the object is there; nothing is read back.
   */
  public void put(String key, InputStream content, String contentType) {
    byte[] reading = takePart();
    try {
      int length = content.readNBytes(reading, 0, PART_SIZE);
      if (length < PART_SIZE) {
        await(parts.putBytes(bucket, region, key, reading, length, contentType));
      } else {
        putInParts(key, content, contentType, reading);
      }
    } catch (Exception e) {
      throw new StoreUnavailableException("put " + key, unwrap(e));
    } finally {
      givePart(reading);
    }
  }

  /**
   * Sends each part while the next is read, and starts sending a part (the client hashes it first) before the one
   * ahead of it is acknowledged; {@code first} holds the first part, full. Two buffers: the one being sent and the
   * one being read.
   */
  private void putInParts(String key, InputStream content, String contentType, byte[] first) throws Exception {
    String uploadId = await(parts.createMultipartUploadAsync(bucket, region, key,
        S3PartClient.contentTypeHeader(contentType), null)).result().uploadId();
    byte[] other = takePart();
    List<CompletableFuture<UploadPartResponse>> sent = new ArrayList<>();
    try {
      byte[] full = first;
      int length = PART_SIZE;
      while (length > 0) {
        sent.add(parts.uploadPartAsync(bucket, region, key, full, length, uploadId, sent.size() + 1, null, null));
        if (sent.size() > 1) {
          await(sent.get(sent.size() - 2)); // the part before: its buffer is free again
        }
        byte[] free = full == first ? other : first;
        length = length < PART_SIZE ? 0 : content.readNBytes(free, 0, PART_SIZE);
        full = free;
      }
      List<Part> done = new ArrayList<>();
      for (CompletableFuture<UploadPartResponse> part : sent) {
        done.add(new Part(done.size() + 1, await(part).etag()));
      }
      await(parts.completeMultipartUploadAsync(bucket, region, key, uploadId, done.toArray(Part[]::new), null, null));
    } catch (Exception e) {
      // parts on their way still read their buffers: let them finish before the buffers go back to the pool
      sent.forEach(part -> part.handle((response, failure) -> null).join());
      abortQuietly(key, uploadId);
      throw e;
    } finally {
      givePart(other); // put() gives back the first
    }
  }

  private byte[] takePart() {
    byte[] spare = spareParts.poll();
    return spare != null ? spare : new byte[PART_SIZE];
  }

  private void givePart(byte[] buffer) {
    spareParts.offer(buffer);
  }

  /** Parts of an upload that could not be aborted stay invisible (no object lists them) until the store expires them. */
  private void abortQuietly(String key, String uploadId) {
    try {
      await(parts.abortMultipartUploadAsync(bucket, region, key, uploadId, null, null));
    } catch (Exception e) {
      log.warn("Could not abort the multipart upload of {}: {}", key, e.toString());
    }
  }

  /** The result of a call of the asynchronous client; a failure is rethrown as the client's own exception. */
  private static <T> T await(CompletableFuture<T> call) throws Exception {
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  private static Exception unwrap(Exception failure) {
    Throwable t = failure;
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof Exception e ? e : failure;
  }

  public StoredObject stat(String key) {
    try {
      StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
      return new StoredObject(key, stat.size(), stat.contentType());
    } catch (Exception e) {
      throw translate("stat", key, e);
    }
  }

  /** The caller closes the stream. */
  public InputStream get(String key) {
    try {
      return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (Exception e) {
      throw translate("get", key, e);
    }
  }

  public boolean exists(String key) {
    try {
      stat(key);
      return true;
    } catch (ObjectMissingException e) {
      return false;
    }
  }

  /** Deleting a missing key is not an error: the end state is the same. */
  public void delete(String key) {
    try {
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (Exception e) {
      throw new StoreUnavailableException("delete " + key, e);
    }
  }

  /** Every key under {@code prefix}; used by the consistency sweep. */
  public List<String> keys(String prefix) {
    try {
      List<String> keys = new ArrayList<>();
      for (Result<Item> item : client.listObjects(
          ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
        keys.add(item.get().objectName());
      }
      return keys;
    } catch (Exception e) {
      throw new StoreUnavailableException("list " + prefix, e);
    }
  }

  private static RuntimeException translate(String action, String key, Exception e) {
    if (e instanceof ErrorResponseException error && NO_SUCH_KEY.equals(error.errorResponse().code())) {
      return new ObjectMissingException(key);
    }
    return new StoreUnavailableException(action + " " + key, e);
  }
}
