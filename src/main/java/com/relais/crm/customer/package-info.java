/** Customers: who they are, how we met them, and on which channels they agreed to hear from us. */
package com.relais.crm.customer;
