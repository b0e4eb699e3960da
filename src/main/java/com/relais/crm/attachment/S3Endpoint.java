package com.relais.crm.attachment;

/** The S3 endpoint the store talks to, whether configured or started in process. */
record S3Endpoint(String url, String accessKey, String secretKey) {}
