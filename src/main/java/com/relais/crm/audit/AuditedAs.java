package com.relais.crm.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JPA entity whose inserts, changes and deletions are recorded field by field, under the record name given
 * (the {@code entity} of {@code GET /api/audit}). Fields named here in {@link #ignore()} are not recorded: a
 * version counter or a time stamp of the change itself says nothing a reviewer needs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuditedAs {
  String value();

  String[] ignore() default {};
}
