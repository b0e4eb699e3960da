package com.relais.crm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.relais.crm.HttpTest;
import com.relais.crm.customer.CustomerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Outside the demo profile nothing is seeded, even where the demo users are on: the suite's shared context turns
 * {@code relais.demo.enabled} on (src/test/resources/config/application.yml) and must keep its database to itself.
 */
@HttpTest
class DemoSeedOutsideTheDemoTest {
  @Autowired ApplicationContext context;
  @Autowired CustomerService customers;

  @Test
  void theDemoUsersComeWithoutTheDemoData() {
    assertThat(context.getBeanProvider(DemoSeed.class).getIfAvailable()).isNull();
    assertThat(context.getBeanNamesForType(TaskWork.class)).isEmpty();
    for (DemoCustomers.CustomerSeed demoCustomer : DemoCustomers.CUSTOMERS) {
      assertThat(customers.matching(demoCustomer.name(), 1)).as(demoCustomer.name()).isEmpty();
    }
  }
}
