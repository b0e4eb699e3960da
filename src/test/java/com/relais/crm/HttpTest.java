package com.relais.crm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port with its real engine, database (H2, or PostgreSQL when DB_URL says so) and
 * S3 endpoint. Every HTTP test uses exactly this setup so Spring starts it once for the suite. Process tests add
 * {@code @TestExecutionListeners(ProcessEngineCoverageTestExecutionListener)} to report diagram coverage.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RelaisCrmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// records which flow nodes and sequence flows the tests pass; classes that opt in write the report under target/
@Import(ProcessEngineCoverageConfiguration.class)
public @interface HttpTest {}
