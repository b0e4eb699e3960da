/** Deals: the opportunity record, its stage history, and the sale process that moves it from prospect to won. */
package com.relais.crm.opportunity;
