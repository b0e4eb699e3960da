package com.relais.crm.attachment;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The one door to the S3 object store (MinIO in production, S3Proxy in the quick start and tests). Uploads stream
 * in parts of {@value #PART_SIZE} bytes, so a large file never sits whole in memory.
 */
@Component
public class AttachmentStore implements InitializingBean {
  static final long PART_SIZE = 5L * 1024 * 1024;
  private static final String NO_SUCH_KEY = "NoSuchKey";

  private final MinioClient client;
  private final String bucket;

  AttachmentStore(MinioClient client, StorageProperties properties) {
    this.client = client;
    this.bucket = properties.bucket();
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

  /** Streams {@code content} to {@code key}; {@code size} may be -1 when unknown. */
  public StoredObject put(String key, InputStream content, long size, String contentType) {
    try {
      client.putObject(PutObjectArgs.builder()
          .bucket(bucket).object(key)
          .stream(content, size, size < 0 ? PART_SIZE : -1)
          .contentType(contentType)
          .build());
      return stat(key);
    } catch (ObjectMissingException | StoreUnavailableException e) {
      throw e;
    } catch (Exception e) {
      throw new StoreUnavailableException("put " + key, e);
    }
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
