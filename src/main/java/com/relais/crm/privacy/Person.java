package com.relais.crm.privacy;

import com.relais.crm.customer.Customer;
import com.relais.crm.customer.CustomerService;
import com.relais.crm.platform.Mentions;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a customer was, read before the erasure changes anything: the values to take out of free text, and the
 * addresses messages went to. A phone number is looked for as written and without its spaces and dots, the way an
 * SMS address or a pasted number has it.
 */
record Person(Mentions mentions, List<String> addresses) {

  static Person of(Customer customer) {
    List<String> values = new ArrayList<>();
    // a second erasure must not turn the placeholder name into "[erased]" everywhere
    if (!CustomerService.isErasedName(customer.getId(), customer.getName())) {
      values.add(customer.getName());
    }
    List<String> addresses = new ArrayList<>();
    for (String address : new String[] {customer.getEmail(), customer.getPhone(), compact(customer.getPhone())}) {
      if (address != null && !address.isBlank()) {
        addresses.add(address);
        values.add(address);
      }
    }
    values.add(customer.getAddress());
    return new Person(Mentions.of(values), List.copyOf(addresses));
  }

  private static String compact(String phone) {
    return phone == null ? null : phone.replaceAll("[\\s.()\\-]", "");
  }
}
