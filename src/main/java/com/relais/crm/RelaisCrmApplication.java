package com.relais.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RelaisCrmApplication {
  static {
    // The engine asks for a DatatypeFactory for every timer it schedules (reminders, chasers, timeouts); without this
    // property the JDK looks for one by scanning every jar of the class path each time (docs/performance.md).
    if (System.getProperty("javax.xml.datatype.DatatypeFactory") == null) {
      System.setProperty("javax.xml.datatype.DatatypeFactory",
          "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(RelaisCrmApplication.class, args);
  }
}
