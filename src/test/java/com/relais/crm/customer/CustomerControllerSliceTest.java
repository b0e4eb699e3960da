package com.relais.crm.customer;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.relais.crm.platform.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web layer alone (no engine, no database): what a client sees for bad input and unknown records is
 * problem+json naming the field, and the service is never called with what was refused.
 */
@WebMvcTest(controllers = CustomerController.class)
@WithMockUser(authorities = "GROUP_sales")
class CustomerControllerSliceTest {
  @Autowired MockMvc mvc;
  @MockitoBean CustomerService customers;

  @Test
  void aCustomerWithoutANameIsA400NamingTheFieldAndNothingIsCreated() throws Exception {
    mvc.perform(post("/api/customers").with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"\", \"email\": \"ok@example.com\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    verify(customers, never()).create(any());
  }

  @Test
  void anUnknownAcquisitionSourceIsA400ThatListsTheValues() throws Exception {
    // categories are a catalogue the service checks (CustomerCategoriesApiTest); the sources are a fixed list
    mvc.perform(post("/api/customers").with(csrf()).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"Dupont\", \"acquisitionSource\": \"PIGEON\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("WEBSITE")))
        .andExpect(jsonPath("$.errors[0].field").value("acquisitionSource"));
    verify(customers, never()).create(any());
  }

  @Test
  void malformedJsonIsA400NotA500() throws Exception {
    mvc.perform(post("/api/customers").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void anUnknownCustomerIsAProblemJson404() throws Exception {
    when(customers.get(anyLong())).thenThrow(new NotFoundException("Customer", 404404));
    mvc.perform(get("/api/customers/404404"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Customer 404404 does not exist"));
  }
}
