/** The delivery of a won deal: its eight stages, carrier quote, cost approval, payment and reception. */
package com.relais.crm.delivery;
