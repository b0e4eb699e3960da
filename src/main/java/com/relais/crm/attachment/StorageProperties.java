package com.relais.crm.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where attachments live. An empty endpoint starts an in-process S3 endpoint over {@code embeddedDirectory},
 * so the quick start and the tests use the very same S3 client code as production against MinIO.
 */
@ConfigurationProperties("relais.storage")
public record StorageProperties(
    @DefaultValue("") String endpoint,
    @DefaultValue("") String accessKey,
    @DefaultValue("") String secretKey,
    @DefaultValue("relais-attachments") String bucket,
    @DefaultValue("us-east-1") String region,
    @DefaultValue("./data/objects") String embeddedDirectory) {

  boolean embedded() {
    return endpoint.isBlank();
  }
}
