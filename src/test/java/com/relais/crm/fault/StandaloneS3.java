package com.relais.crm.fault;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3 endpoint (S3Proxy over a directory) in the test JVM, on a fixed port, that the service nodes reach over
 * HTTP like any MinIO. It outlives the nodes, so killing a node never takes the store with it, and it can be
 * stopped and started again on the same port and directory to play an S3 outage.
 */
final class StandaloneS3 implements AutoCloseable {
  static final String ACCESS_KEY = "fault-access";
  static final String SECRET_KEY = "fault-secret-key-0123456789";
  static final String BUCKET = "relais-attachments";

  private final Path directory;
  private final int port;
  private BlobStoreContext context;
  private S3Proxy proxy;
  private boolean running;
  private final MinioClient client;

  StandaloneS3(Path directory) throws Exception {
    this.directory = directory.toAbsolutePath();
    this.port = ChildNode.freePort();
    Files.createDirectories(this.directory);
    start();
    client = MinioClient.builder().endpoint(url()).credentials(ACCESS_KEY, SECRET_KEY).region("us-east-1").build();
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void start() throws Exception {
    Properties overrides = new Properties();
    overrides.setProperty("jclouds.filesystem.basedir", directory.toString());
    context = ContextBuilder.newBuilder("filesystem").credentials(ACCESS_KEY, SECRET_KEY).overrides(overrides)
        .build(BlobStoreContext.class);
    proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create(url()))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    proxy.start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("S3Proxy did not start");
      }
      Thread.sleep(10);
    }
    running = true;
  }

  void stop() throws Exception {
    if (running) {
      running = false;
      proxy.stop();
      context.close();
    }
  }

  List<String> keys(String prefix) throws Exception {
    List<String> keys = new ArrayList<>();
    for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix(prefix)
        .recursive(true).build())) {
      keys.add(item.get().objectName());
    }
    return keys;
  }

  boolean exists(String key) {
    try {
      client.statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  void put(String key, byte[] bytes) throws Exception {
    client.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
        .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
