package com.relais.crm.dataexchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * relais.imports.*: the largest file taken (IMPORT_MAX_SIZE) and how many rows one transaction of the background
 * work writes (IMPORT_BATCH_SIZE: larger is faster, smaller loses less work to a crash and holds locks shorter).
 */
@ConfigurationProperties("relais.imports")
record ImportProperties(DataSize maxSize, Integer batchSize) {
  ImportProperties {
    maxSize = maxSize == null ? DataSize.ofMegabytes(50) : maxSize;
    batchSize = batchSize == null ? 500 : batchSize;
  }
}
