package com.relais.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RelaisCrmApplication {
  public static void main(String[] args) {
    SpringApplication.run(RelaisCrmApplication.class, args);
  }
}
