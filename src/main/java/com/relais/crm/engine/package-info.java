/** Engine configuration and the few things every process shares: deal variables and stage properties. */
package com.relais.crm.engine;
