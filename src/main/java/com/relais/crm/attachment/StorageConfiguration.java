package com.relais.crm.attachment;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class StorageConfiguration {

  /** Started only when no endpoint is configured (quick start, tests); stopped with the context. */
  @Bean(destroyMethod = "close")
  EmbeddedS3Server embeddedS3Server(StorageProperties properties) throws Exception {
    return properties.embedded() ? new EmbeddedS3Server(properties) : null;
  }

  @Bean
  S3Endpoint s3Endpoint(StorageProperties properties, org.springframework.beans.factory.ObjectProvider<EmbeddedS3Server> embedded) {
    EmbeddedS3Server server = embedded.getIfAvailable();
    if (server != null) {
      return server.endpoint();
    }
    if (properties.accessKey().isBlank() || properties.secretKey().isBlank()) {
      throw new IllegalStateException("S3_ENDPOINT is set: S3_ACCESS_KEY and S3_SECRET_KEY are required too");
    }
    return new S3Endpoint(properties.endpoint(), properties.accessKey(), properties.secretKey());
  }

  @Bean
  MinioClient minioClient(S3Endpoint endpoint, StorageProperties properties) {
    return MinioClient.builder()
        .endpoint(endpoint.url())
        .credentials(endpoint.accessKey(), endpoint.secretKey())
        .region(properties.region())
        .build();
  }

  @Bean
  S3PartClient s3PartClient(S3Endpoint endpoint, StorageProperties properties) {
    return new S3PartClient(MinioAsyncClient.builder()
        .endpoint(endpoint.url())
        .credentials(endpoint.accessKey(), endpoint.secretKey())
        .region(properties.region())
        .build());
  }
}
