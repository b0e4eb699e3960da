package com.relais.crm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port with its real engine, database (H2, or PostgreSQL when DB_URL says so) and
 * S3 endpoint. Every HTTP test uses exactly this setup so Spring starts it once for the suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RelaisCrmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface HttpTest {}
