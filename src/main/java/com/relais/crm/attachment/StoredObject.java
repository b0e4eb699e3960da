package com.relais.crm.attachment;

/** What the store knows of one object. */
public record StoredObject(String key, long size, String contentType) {}
