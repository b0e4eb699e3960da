package com.relais.crm.delivery;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeliveryRepository extends JpaRepository<Delivery, Long>, DeliveryByDeal {}
