package com.relais.crm.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * On every bean of this module: it exists only where the seed may run, both settings of application-demo.yml on
 * ({@code relais.demo.enabled} made the users the seed acts as; {@code relais.demo.seed} asks for the data). The tests,
 * the fault nodes and the benchmark turn the demo users on outside the demo profile and get none of it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(prefix = "relais.demo", name = {"enabled", "seed"}, havingValue = "true")
@interface DemoSeedEnabled {}
