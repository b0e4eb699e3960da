package com.relais.crm.delivery;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** What our own transport costs per delivery; the transport-choice table compares carrier quotes against it. */
@ConfigurationProperties("relais.delivery")
public record DeliveryProperties(@DefaultValue("250") BigDecimal internalTransportCost) {}
