package com.relais.crm.attachment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be. Types are compared with what Tika detects from the bytes, so a renamed file gains nothing;
 * {@code textLimit} caps the characters extracted per file (and so the work a decompression bomb can cause);
 * {@code sweepInterval} is how often {@link StraySweep} looks for objects without a row.
 */
@ConfigurationProperties("relais.attachments")
public record AttachmentProperties(
    @DefaultValue("20MB") DataSize maxSize,
    @DefaultValue({"application/pdf", "image/png", "image/jpeg", "text/plain"}) List<String> allowedTypes,
    @DefaultValue("1000000") int textLimit,
    @DefaultValue("PT1H") Duration sweepInterval) {}
