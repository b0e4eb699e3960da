package com.relais.crm.attachment;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3Proxy on a free loopback port with a filesystem backend: a real S3 API over HTTP without a MinIO server.
 * Credentials are made up per start unless configured; nothing outside this process needs them.
 */
final class EmbeddedS3Server implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedS3Server.class);
  private static final long START_TIMEOUT_MS = 30_000;

  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final S3Endpoint endpoint;

  EmbeddedS3Server(StorageProperties properties) throws Exception {
    Path directory = Path.of(properties.embeddedDirectory()).toAbsolutePath();
    Files.createDirectories(directory);
    String accessKey = properties.accessKey().isBlank() ? "local-" + UUID.randomUUID() : properties.accessKey();
    String secretKey = properties.secretKey().isBlank() ? UUID.randomUUID().toString() : properties.secretKey();
    Properties overrides = new Properties();
    overrides.setProperty("jclouds.filesystem.basedir", directory.toString());
    context = ContextBuilder.newBuilder("filesystem")
        .credentials(accessKey, secretKey)
        .overrides(overrides)
        .build(BlobStoreContext.class);
    proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .build();
    proxy.start();
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("The embedded S3 endpoint did not start within 30 s");
      }
      Thread.sleep(10);
    }
    endpoint = new S3Endpoint("http://127.0.0.1:" + proxy.getPort(), accessKey, secretKey);
    log.info("Embedded S3 endpoint (S3Proxy) at {} storing under {}", endpoint.url(), directory);
  }

  S3Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
